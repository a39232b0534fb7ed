import type {Diagnostic} from '../../../plan/types.js'
import type {Fence} from '../rendered-containers.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'
import {describeContainer} from './describe-container.js'

const id = 'container-ended-early'

/** A line shallower than a tab or admonition body, with indented body lines
 * after it: Python-Markdown ends the container there, so everything after it
 * (code blocks included) renders outside the tab the learner picked. */
export const containerEndedEarly: ChapterRule = {
  id,
  description: 'A line that ends a tab or admonition early as the site renders it, while its body goes on.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    return context.layout.earlyEnds.map((end) => {
      const outermost = end.containers.at(-1)
      const outside: Fence[] = []
      if (outermost) {
        const fences = context.layout.fences
        for (let index = firstAfter(fences, end.line); index < fences.length; index++) {
          const fence = fences[index]
          if (!fence || fence.line > outermost.endLine) break
          if (fence.indent >= outermost.bodyIndent) outside.push(fence)
        }
      }
      const names = end.containers.map(describeContainer).join(' and the ')
      const left =
        outside.length === 0
          ? ''
          : ` Code blocks left outside: ${outside.length === 1 ? 'line' : 'lines'} ${outside.map((f) => f.line).join(', ')}.`
      return diagnostic(
        context.file,
        end.line,
        1,
        'error',
        id,
        `This line is indented less than the body, so the site ends the ${names} here; the indented lines after it render outside.${left} Indent the line like the body or remove it.`
      )
    })
  }
}

/** Index of the first fence opening after `line` (fences are in file order). */
function firstAfter(fences: readonly Fence[], line: number): number {
  let low = 0
  let high = fences.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((fences[middle]?.line ?? 0) <= line) low = middle + 1
    else high = middle
  }
  return low
}
