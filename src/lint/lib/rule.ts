import type {ChapterPlan, Diagnostic, Severity} from '../../plan/types.js'
import type {RenderedLayout} from './rendered-containers.js'

/** One chapter as the rules see it: its lines as the site renders them and,
 * when the extractor could plan it, its plan. */
export interface LintContext {
  file: string
  layout: RenderedLayout
  plan: ChapterPlan | null
}

/** What cross-chapter rules need to know about the run. */
export interface LintSettings {
  /** The chapters given are the whole guide: nothing comes from elsewhere. */
  wholeGuide: boolean
  /** Variables bound by chapters before the first one given. */
  inheritedBindings: string[]
}

/** A rule that looks at one chapter at a time. */
export interface ChapterRule {
  id: string
  description: string
  scope: 'chapter'
  check(context: LintContext): Diagnostic[]
}

/** A rule that compares chapters, in nav order. */
export interface GuideRule {
  id: string
  description: string
  scope: 'guide'
  check(contexts: LintContext[], settings: LintSettings): Diagnostic[]
}

export type LintRule = ChapterRule | GuideRule

/** Builds a diagnostic; messages stay on one line for `file:line:col` output. */
export function diagnostic(
  file: string,
  line: number,
  column: number,
  severity: Severity,
  rule: string,
  message: string
): Diagnostic {
  return {file, line, column, severity, rule, message: message.replace(/\s*[\r\n]+\s*/g, ' ')}
}
