import type {CommonOptions} from '../args.js'
import type {Io} from '../io.js'
import {exitCodes} from '../exit-codes.js'
import {InputError, loadWorkspace, planFor} from '../../../verify/index.js'

function counts(steps: readonly {kind: string}[]): string {
  const count = (kind: string): number => steps.filter((step) => step.kind === kind).length
  return `${count('command')} commands, ${count('file')} files, ${count('expect')} expected outputs`
}

/** `docs-verify list`: the guide's chapters with step counts per variant. */
export async function listCommand(options: CommonOptions, io: Io): Promise<number> {
  const workspace = await loadWorkspace({cwd: io.cwd, ...options})
  const guide = workspace.guide
  if (guide === undefined) throw new InputError('no guide here')
  const lines: string[] = []
  for (const chapter of guide.chapters) {
    if (!chapter.exists) {
      lines.push(`${chapter.slug || '-'}  ${chapter.title}  (missing: ${chapter.path})`)
      continue
    }
    const {plan} = await planFor(chapter, {cwd: io.cwd})
    const stepCount = plan.variants.reduce((sum, variant) => sum + variant.steps.length, 0)
    if (stepCount === 0 && chapter.slug === '') continue
    lines.push(`${chapter.slug || '-'}  ${chapter.title}  ${plan.file}`)
    if (plan.variants.length === 0) lines.push('    no steps')
    for (const variant of plan.variants) lines.push(`    ${variant.id}: ${counts(variant.steps)}`)
  }
  for (const problem of guide.problems) lines.push(`warning: ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`)
  io.stdout.write(lines.join('\n') + '\n')
  return exitCodes.passed
}
