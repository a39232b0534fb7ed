import type {ChapterPlan, Step} from '../types.js'

/** What in a chapter shows it continues an earlier one: tools used on a
 * repository or environment the chapter does not create. */
const continues: {uses: RegExp; creates: RegExp; what: string}[] = [
  {uses: /\bgit\s+(?!init\b|clone\b|config\b|--version\b)[a-z]/, creates: /\bgit\s+(?:init|clone)\b/, what: 'a Git repository'},
  {uses: /\bdvc\s+(?!init\b|--version\b|version\b)[a-z]/, creates: /\bdvc\s+init\b/, what: 'a DVC project'},
  {uses: /(?:^|[\s;&|])(?:source|\.)\s+\S*\.venv\/bin\/activate/, creates: /-m\s+venv\b|\bvirtualenv\b|\buv\s+venv\b/, what: 'a virtual environment'}
]

/** Why a chapter cannot start from an empty sandbox, or [] when it can:
 * variables it reads but never sets, and repositories or environments it
 * uses before (or without) creating them. */
export function reasonsToChain(plan: ChapterPlan, steps: readonly Step[]): string[] {
  const reasons: string[] = []
  const names = [...new Set(plan.inheritedVariables.map((use) => `$${use.name}`))]
  if (names.length > 0) reasons.push(`it reads ${names.join(', ')} without setting them`)
  for (const rule of continues) {
    for (const step of steps) {
      if (step.kind !== 'command') continue
      if (rule.creates.test(step.text)) break
      if (rule.uses.test(step.text)) {
        reasons.push(`line ${step.line} uses ${rule.what} the chapter does not create`)
        break
      }
    }
  }
  return reasons
}
