import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'hl-lines-out-of-range'

/** `hl_lines` naming a line the block does not have: the highlight the
 * prose points to ("the highlighted line") is missing. */
export const hlLinesOutOfRange: ChapterRule = {
  id,
  description: '`hl_lines` pointing past the end of its code block.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    const found: Diagnostic[] = []
    for (const fence of context.layout.fences) {
      if (!fence.hlLines || fence.closeLine === null) continue
      const count = fence.body.length
      const outside = fence.hlLines.value
        .split(/[\s,]+/)
        .filter((token) => token !== '')
        .filter((token) => {
          const range = /^(\d+)(?:-(\d+))?$/.exec(token)
          if (!range) return true
          const first = Number(range[1])
          const last = Number(range[2] ?? range[1])
          return first < 1 || last > count || last < first
        })
      if (outside.length === 0) continue
      found.push(
        diagnostic(
          context.file,
          fence.line,
          fence.hlLines.column,
          'error',
          id,
          `hl_lines="${fence.hlLines.value}" marks ${outside.join(', ')} but the block has ${count} ${count === 1 ? 'line' : 'lines'}; point hl_lines at the changed lines.`
        )
      )
    }
    return found
  }
}
