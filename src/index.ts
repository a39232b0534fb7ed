/**
 * docs-verify as a library: the four things a program does with a guide,
 * with the plain data they take and return. Everything else is internal and
 * may change without notice (test/architecture/public-api.test.ts pins this
 * list; docs/library.md describes it).
 *
 *   plan      planChapter (one Markdown text), planChapters (chapters of a
 *             guide, as `--dry-run` plans them)
 *   run       verifyChapters: run the plans in sandboxes and check them
 *   compare   compareOutput: is an output "similar to" the doc's block?
 *   report    render* : the report (or a plan) as JSON, JUnit XML, GitHub
 *             workflow commands, Markdown, plain text or a shell script
 */
export type * from './plan/types.js'

// Find and plan
export {loadWorkspace, selectChapters, planChapters, InputError} from './verify/index.js'
export type {PlanRequest, PlannedChapter, Workspace} from './verify/index.js'
export type {Chapter, Guide} from './guide/index.js'
export type {Config} from './config/index.js'
export {planChapter} from './plan/index.js'
export type {PlanOptions, PreparedChapter, PreparedStep} from './plan/index.js'

// Run and check
export {verifyChapters} from './verify/index.js'
export type {CloudRequest, ComparedOutput, VerifyEvents, VerifyRequest, VerifyResult} from './verify/index.js'

// Compare
export {compareOutput} from './compare/index.js'
export type {CompareOptions, Comparison, Mismatch} from './compare/index.js'

// Report
export {renderGithub, renderJson, renderJunit, renderMarkdown, renderPlain, renderPlanJson, renderPlanScript, renderPlanText} from './report/index.js'
export type {ChapterReport, ChapterStatus, CheckReport, SandboxReport, StepReport, StepStatus, VerifyReport} from './report/index.js'
export type {GithubOptions, MarkdownOptions, PlainOptions, PlanJsonChapter, PlanJsonOptions} from './report/index.js'

export {version} from './version.js'
