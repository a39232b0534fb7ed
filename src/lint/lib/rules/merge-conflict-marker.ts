import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'merge-conflict-marker'
const openPattern = /^<{7}(?: |$)/
const basePattern = /^\|{7}(?: |$)/
const middlePattern = /^={7}[ \t]*$/
const closePattern = /^>{7}(?: |$)/
const closeWithRefPattern = /^>{7} \S/

/** Leftover `<<<<<<<` / `=======` / `>>>>>>>` lines from a merge. Git writes
 * them at column 0, so markers shown inside a code block (a lesson about
 * conflicts) stay untouched, and so do setext headings and longer rulers. */
export const mergeConflictMarker: ChapterRule = {
  id,
  description: 'Leftover merge-conflict markers (outside code blocks as the site renders them).',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    const {lines, info} = context.layout
    const found: Diagnostic[] = []
    let open = false
    const report = (index: number, what: string): void => {
      found.push(
        diagnostic(
          context.file,
          index + 1,
          1,
          'error',
          id,
          `Leftover merge-conflict marker \`${what}\`: resolve the conflict, keep the right text and delete the marker lines.`
        )
      )
    }
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? ''
      const lineInfo = info[index]
      if (!lineInfo || lineInfo.inRenderedFence || lineInfo.role === 'front-matter') continue
      if (openPattern.test(line)) {
        open = true
        report(index, shorten(line))
      } else if (basePattern.test(line)) {
        if (open) report(index, shorten(line))
      } else if (middlePattern.test(line)) {
        if (open || (!followsParagraph(context, index) && closesLater(context, index))) report(index, '=======')
      } else if (closePattern.test(line)) {
        if (open || closeWithRefPattern.test(line)) report(index, shorten(line))
        open = false
      }
    }
    return found
  }
}

/** `Title` + `=======` is a setext heading. */
function followsParagraph(context: LintContext, index: number): boolean {
  const previous = context.layout.lines[index - 1]
  const previousInfo = context.layout.info[index - 1]
  return previous !== undefined && previous.trim() !== '' && previousInfo?.role === 'prose'
}

/** A lone `=======` is a marker when a `>>>>>>>` closes it later (a conflict
 * whose opening line was already deleted). */
function closesLater(context: LintContext, index: number): boolean {
  const {lines, info} = context.layout
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next] ?? ''
    if (info[next]?.inRenderedFence) continue
    if (closePattern.test(line)) return true
    if (openPattern.test(line) || middlePattern.test(line)) return false
  }
  return false
}

function shorten(line: string): string {
  const trimmed = line.trimEnd()
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed
}
