import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'
import {describeContainer} from './describe-container.js'

const id = 'container-indentation'

/** Tab and admonition bodies must be indented by exactly 4 spaces more than
 * the opener: 2 or 3 leave the body outside, and tabs depend on the
 * renderer's tab width. */
export const containerIndentation: ChapterRule = {
  id,
  description: 'Tab or admonition body indented by something other than 4 spaces.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    return context.layout.indentIssues.map((issue) =>
      issue.problem === 'tab'
        ? diagnostic(
            context.file,
            issue.line,
            issue.column,
            'warning',
            id,
            `The body of the ${describeContainer(issue.container)} is indented with a tab; indent it with 4 spaces.`
          )
        : diagnostic(
            context.file,
            issue.line,
            issue.column,
            'error',
            id,
            `The body of the ${describeContainer(issue.container)} is indented by ${issue.indent} ${issue.indent === 1 ? 'space' : 'spaces'}; the site needs 4, so the body renders outside it. Indent the body by 4 spaces.`
          )
    )
  }
}
