import type {LintRule} from './rule.js'
import {containerEndedEarly} from './rules/container-ended-early.js'
import {containerIndentation} from './rules/container-indentation.js'
import {expectWithoutCommand} from './rules/expect-without-command.js'
import {hlLinesOutOfRange} from './rules/hl-lines-out-of-range.js'
import {outputWithoutCue} from './rules/output-without-cue.js'
import {mergeConflictMarker} from './rules/merge-conflict-marker.js'
import {pinnedVersionMismatch} from './rules/pinned-version-mismatch.js'
import {placeholderLineBreak} from './rules/placeholder-line-break.js'
import {todoComment} from './rules/todo-comment.js'
import {unboundVariable} from './rules/unbound-variable.js'
import {unclosedFence} from './rules/unclosed-fence.js'

/** Every rule `docs-verify lint` runs, in the order they are documented. */
export const allRules: readonly LintRule[] = [
  mergeConflictMarker,
  unclosedFence,
  containerIndentation,
  containerEndedEarly,
  placeholderLineBreak,
  expectWithoutCommand,
  outputWithoutCue,
  unboundVariable,
  hlLinesOutOfRange,
  pinnedVersionMismatch,
  todoComment
]
