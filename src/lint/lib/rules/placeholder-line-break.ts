import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'placeholder-line-break'
// A placeholder that starts on this line and does not end on it.
const openPlaceholderInCode = /<[A-Za-z_][^<>`]*$/
const openPlaceholderInProse = /<(?:my|your)(?:[ _][\w-]*)*$/i

/** A placeholder split by a line wrap (`` `<my project`` / ``id>` ``): the
 * learner sees a broken name and the extractor cannot match it to the
 * command's placeholder. */
export const placeholderLineBreak: ChapterRule = {
  id,
  description: 'A placeholder broken across lines in prose.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    const {lines, info} = context.layout
    const found: Diagnostic[] = []
    // Length of the backtick run of an inline code span still open from the
    // previous line of the same paragraph (0: none).
    let openRun = 0
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? ''
      const lineInfo = info[index]
      if (!lineInfo || lineInfo.role !== 'prose' || lineInfo.inRenderedFence) {
        openRun = 0
        continue
      }
      const scan = scanInlineCode(line, openRun)
      openRun = scan.openRun
      const broken =
        scan.openedAt === null
          ? openPlaceholderInProse.exec(scan.tailOutsideCode)
          : openPlaceholderInCode.exec(line.slice(scan.openedAt))
      if (!broken) continue
      const column = (scan.openedAt ?? scan.tailStart) + broken.index + 1
      const rest = /^\s*([^<>`]*>)/.exec(lines[index + 1] ?? '')
      const head = broken[0].trimEnd()
      const tail = rest?.[1] ?? ''
      const whole = rest ? `${head}${tail.startsWith('_') || head.endsWith('_') ? '' : ' '}${tail}` : head
      found.push(
        diagnostic(
          context.file,
          index + 1,
          column,
          'warning',
          id,
          `The placeholder \`${whole}\` is broken across lines; keep it on one line so readers and docs-verify see one name.`
        )
      )
    }
    return found
  }
}

interface InlineCodeScan {
  /** Backtick run still open at the end of the line (0: none). */
  openRun: number
  /** Offset just after the backticks of a span opened on this line and left
   * open, or null. */
  openedAt: number | null
  /** The text after the last code span, when no span is left open. */
  tailOutsideCode: string
  tailStart: number
}

/** Walks the backtick runs of a line: CommonMark closes a code span with a
 * run of the same length. */
function scanInlineCode(line: string, openRun: number): InlineCodeScan {
  let run = openRun
  let openedAt: number | null = null
  let tailStart = 0
  const pattern = /`+/g
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    const length = match[0].length
    if (run === 0) {
      run = length
      openedAt = match.index + length
    } else if (length === run) {
      run = 0
      openedAt = null
      tailStart = match.index + length
    }
  }
  return {
    openRun: run,
    openedAt,
    tailOutsideCode: run === 0 ? line.slice(tailStart) : '',
    tailStart
  }
}
