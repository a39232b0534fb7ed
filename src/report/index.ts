export type {
  ChapterReport,
  ChapterStatus,
  CheckReport,
  StepReport,
  StepStatus,
  VerifyReport
} from './types.js'
export {renderJson} from './lib/render-json.js'
export {renderJunit} from './lib/render-junit.js'
export {renderGithub} from './lib/render-github.js'
export {escapeWorkflowData, escapeWorkflowProperty} from './lib/workflow-command.js'
export {renderPlain} from './lib/render-plain.js'
export type {PlainOptions} from './lib/render-plain.js'
export {createProgress} from './lib/create-progress.js'
export type {Progress, ProgressOptions, ProgressStep} from './lib/create-progress.js'
