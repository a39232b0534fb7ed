import type {Diagnostic} from '../../plan/types.js'
import {sortDiagnostics} from './sort-diagnostics.js'
import type {LintOptions} from './lint-options.js'
import {prepareContext, runRules} from './run-rules.js'

/** Lints one chapter's Markdown as the site renders it. Cross-chapter rules
 * see only this chapter (plus `options.inheritedBindings`). */
export function lintText(text: string, file: string, options: LintOptions = {}): Diagnostic[] {
  const problems: Diagnostic[] = []
  const context = prepareContext(text, file, options, problems, options.plan)
  return sortDiagnostics([...problems, ...runRules([context], options)])
}
