/**
 * The verify stage wires the others for a run: chapters -> chains of
 * prepared chapters -> sandboxes with the cloud stand-ins -> compared
 * outputs -> the report. `verifyChapters` is the run; the rest find and
 * plan what to run. Plain data in, plain data out: the CLI renders it.
 */
export {verifyChapters} from './lib/verify-chapters.js'
export type {CloudRequest, VerifyEvents, VerifyRequest, VerifyResult} from './lib/verify-chapters.js'
export {planChapters} from './lib/plan-chapters.js'
export type {PlanRequest, PlannedChapter} from './lib/plan-chapters.js'
export {planFor} from './lib/prepare-chapter.js'
export {loadWorkspace} from './lib/load-workspace.js'
export type {Workspace} from './lib/load-workspace.js'
export {selectChapters} from './lib/select-chapters.js'
export {findGuideRoot} from './lib/find-guide-root.js'
export {InputError} from './lib/input-error.js'
export type {ComparedOutput} from './lib/run-chapter.js'
