import type {ChapterPlan, Diagnostic} from '../../plan/types.js'
import {allRules} from './all-rules.js'
import type {LintOptions, Planner} from './lint-options.js'
import {scanRendered} from './rendered-containers.js'
import {diagnostic} from './rule.js'
import type {LintContext} from './rule.js'
import {defaultPlanner} from './default-planner.js'

/** Prepares one chapter for the rules. A planner failure becomes a
 * diagnostic: lint still runs the rules that need no plan. */
export function prepareContext(
  text: string,
  file: string,
  options: LintOptions,
  problems: Diagnostic[],
  plan?: ChapterPlan
): LintContext {
  const layout = scanRendered(text)
  return {file, layout, plan: plan ?? planSafely(text, file, options.planner ?? defaultPlanner, problems)}
}

/** Runs every enabled rule over the chapters, in the order given. */
export function runRules(contexts: LintContext[], options: LintOptions): Diagnostic[] {
  const disabled = new Set(options.disable ?? [])
  const settings = {wholeGuide: options.wholeGuide === true, inheritedBindings: options.inheritedBindings ?? []}
  const found: Diagnostic[] = []
  for (const rule of allRules) {
    if (disabled.has(rule.id)) continue
    if (rule.scope === 'guide') found.push(...rule.check(contexts, settings))
    else for (const context of contexts) found.push(...rule.check(context))
  }
  return found
}

function planSafely(text: string, file: string, planner: Planner, problems: Diagnostic[]): ChapterPlan | null {
  try {
    const plan = planner(text, file)
    // The planner reports its own crash, and a chapter it refuses to read, as a note instead of throwing.
    problems.push(...plan.notes.filter((note) => note.rule === 'internal-error' || note.rule === 'nesting-too-deep'))
    return plan
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    problems.push(
      diagnostic(file, 1, 1, 'warning', 'plan-failed', `Could not plan this chapter (${reason}); rules that need the plan were skipped.`)
    )
    return null
  }
}
