/**
 * Check stage for command output: is what a command printed "similar to"
 * the doc's expected block? Pure functions over strings, no processes.
 */

export {compareOutput} from './lib/compare-output.js'
export {maskVolatile, renderExpectedUpdate} from './lib/update.js'
export {detectKind, lastCommand} from './lib/kind.js'
export {parseGitStatus} from './lib/git-status.js'
export {parseGitDiff} from './lib/git-diff.js'
export {ruleSummaries} from './lib/rules.js'
export type {NumberTolerance} from './lib/numbers.js'
export type {GitStatus, StatusEntry, StatusLine} from './lib/git-status.js'
export type {DiffFile, DiffHunk, DiffLine, GitDiff} from './lib/git-diff.js'
export type {
  CompareOptions,
  Comparison,
  ComparisonKind,
  ExtraLine,
  Mismatch,
  OutputPolicy,
  Tolerance
} from './lib/types.js'
