export type {
  ChapterReport,
  ChapterStatus,
  CheckReport,
  SandboxReport,
  StepReport,
  StepStatus,
  VerifyReport
} from './types.js'
export {renderJson} from './lib/render-json.js'
export {renderJunit} from './lib/render-junit.js'
export {renderGithub} from './lib/render-github.js'
export type {GithubOptions} from './lib/render-github.js'
export {renderMarkdown} from './lib/render-markdown.js'
export type {MarkdownOptions} from './lib/render-markdown.js'
export {escapeWorkflowData, escapeWorkflowProperty} from './lib/workflow-command.js'
export {renderClosing, renderPlain} from './lib/render-plain.js'
export type {PlainOptions} from './lib/render-plain.js'
export {sideBySide} from './lib/side-by-side.js'
export {renderPlanNetwork, renderPlanText} from './lib/render-plan-text.js'
export {renderPlanScript} from './lib/render-plan-script.js'
export {renderPlanJson} from './lib/render-plan-json.js'
export type {PlanJsonChapter, PlanJsonOptions, PlanNetwork} from './lib/render-plan-json.js'
export {createProgress} from './lib/create-progress.js'
export type {Progress, ProgressOptions, ProgressStep} from './lib/create-progress.js'
