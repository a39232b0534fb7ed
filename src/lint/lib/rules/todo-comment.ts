import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'todo-comment'
// `[//]: # "TODO"`, `[//]: # (TODO ...)`, `[comment]: <> (TODO)`.
const linkComment = /\[(?:\/\/|comment)\]:[ \t]*(?:#|<>)[ \t]*["'(][ \t]*((?:TODO|FIXME)\b[^"')]*)/i
const htmlComment = /<!--[ \t]*((?:TODO|FIXME)\b.*?)(?:-->|$)/i
const bareHtmlOpen = /<!--[ \t]*$/
const todoStart = /^[ \t]*((?:TODO|FIXME)\b.*?)(?:-->|$)/i

/** Hidden TODO comments: invisible on the site, so they outlive the work
 * they name. */
export const todoComment: ChapterRule = {
  id,
  description: 'Leftover TODO comments (`[//]: # "TODO"`, `<!-- TODO -->`).',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    const {lines, info} = context.layout
    const found: Diagnostic[] = []
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? ''
      const role = info[index]?.role
      if (role !== 'prose' || info[index]?.inRenderedFence) continue
      const match = linkComment.exec(line) ?? htmlComment.exec(line)
      let column = match ? match.index + 1 : 0
      let text = match?.[1]
      if (!match && bareHtmlOpen.test(line)) {
        const next = todoStart.exec(lines[index + 1] ?? '')
        if (next) {
          column = line.indexOf('<!--') + 1
          text = next[1]
        }
      }
      if (text === undefined) continue
      found.push(
        diagnostic(
          context.file,
          index + 1,
          column,
          'warning',
          id,
          `Leftover comment "${shorten(text.trim())}": do the work or track it in an issue, then remove the comment.`
        )
      )
    }
    return found
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
