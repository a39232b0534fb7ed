import type {CommonOptions} from '../args.js'
import type {Io} from '../main.js'
import {exitCodes} from '../main.js'
import {planFor} from '../../../verify/lib/prepare-chapter.js'
import {loadWorkspace} from '../../../verify/lib/load-workspace.js'
import {InputError} from '../../../verify/lib/input-error.js'

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
