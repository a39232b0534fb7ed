import type {CommandStep, Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {GuideRule, LintContext, LintSettings} from '../rule.js'

const id = 'unbound-variable'

// Set by the learner's shell or the system, never by the guide.
const environment = new Set([
  'HOME',
  'PATH',
  'PWD',
  'OLDPWD',
  'USER',
  'SHELL',
  'TERM',
  'LANG',
  'HOSTNAME',
  'TMPDIR',
  'RANDOM',
  'UID',
  'VIRTUAL_ENV',
  'IFS'
])

/** `$X` that nothing binds before it: neither the chapter nor an earlier one
 * (in nav order). Only when lint sees the whole guide and no chapter binds X
 * is it certainly a defect; otherwise X may come from a chapter not given. */
export const unboundVariable: GuideRule = {
  id,
  description: 'A command reads `$X` that no step of this or an earlier chapter binds.',
  scope: 'guide',
  check(contexts: LintContext[], settings: LintSettings): Diagnostic[] {
    const perChapter = contexts.map((context) => chapterBindings(context))
    const anywhere = new Set(perChapter.flatMap((binds) => [...binds]))
    const bound = new Set(settings.inheritedBindings)
    const found: Diagnostic[] = []
    contexts.forEach((context, index) => {
      const binds = perChapter[index] ?? new Set<string>()
      const reported = new Set<string>()
      for (const step of commandSteps(context)) {
        for (const use of step.uses) {
          const name = use.name
          if (reported.has(name) || binds.has(name) || bound.has(name) || environment.has(name)) continue
          if (!/^[A-Za-z_]\w*$/.test(name)) continue
          reported.add(name)
          const certain = settings.wholeGuide && !anywhere.has(name)
          const line = context.layout.lines[use.line - 1] ?? ''
          const column = Math.max(0, line.search(new RegExp(`\\$\\{?${name}\\b`))) + 1
          found.push(
            diagnostic(
              context.file,
              use.line,
              column,
              certain ? 'error' : 'warning',
              id,
              certain
                ? `$${name} is used but no chapter of the guide binds it; add the \`export ${name}=...\` step before this command.`
                : `$${name} is used but neither this chapter nor an earlier one given to lint binds it; make sure the chapter that exports it comes first.`
            )
          )
        }
      }
      for (const name of binds) bound.add(name)
    })
    return found
  }
}

/** Every command step of a chapter once, whatever variant it is in. */
function commandSteps(context: LintContext): CommandStep[] {
  if (!context.plan) return []
  const steps = new Map<string, CommandStep>()
  for (const variant of context.plan.variants) {
    for (const step of variant.steps) if (step.kind === 'command') steps.set(step.id, step)
  }
  return [...steps.values()]
}

/** What a chapter binds: `export X=` / `X=` (from the plan) plus loop and
 * `read` variables, which a shell binds too. */
function chapterBindings(context: LintContext): Set<string> {
  const binds = new Set<string>()
  for (const step of commandSteps(context)) {
    for (const name of step.binds) binds.add(name)
    for (const match of step.text.matchAll(/\bfor[ \t]+([A-Za-z_]\w*)[ \t]+in\b/g)) binds.add(match[1] ?? '')
    for (const match of step.text.matchAll(/\bread(?:[ \t]+-\w+)*[ \t]+([A-Za-z_]\w*)/g)) binds.add(match[1] ?? '')
  }
  return binds
}
