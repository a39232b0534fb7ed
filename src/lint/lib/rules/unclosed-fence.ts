import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'unclosed-fence'

/** A code fence with no closing fence: the rest of the file (or of its
 * container) renders as code and the steps after it disappear. */
export const unclosedFence: ChapterRule = {
  id,
  description: 'A code fence that is never closed.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    return context.layout.unclosedFences.map(({fence, endedBy}) =>
      diagnostic(
        context.file,
        fence.line,
        fence.column,
        'error',
        id,
        endedBy === null
          ? `Code fence ${fence.marker} is never closed, so the rest of the file renders as code; add a closing ${fence.marker}.`
          : `Code fence ${fence.marker} is not closed before line ${endedBy} ends its container; add a closing ${fence.marker} at the fence's indentation.`
      )
    )
  }
}
