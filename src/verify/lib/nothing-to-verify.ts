import type {ChapterPlan} from '../../plan/types.js'
import {InputError} from './input-error.js'

/** A chapter file that is not text: NUL bytes, or mostly bytes that are
 * not UTF-8 (a binary, an archive, random bytes). */
export function notText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'it holds NUL bytes'
  const invalid = text.match(/\uFFFD/g)?.length ?? 0
  if (text.length > 0 && invalid / text.length > 0.01) return `${invalid} of its ${text.length} characters are not UTF-8`
  return undefined
}

/**
 * A chapter chosen to verify must give something to verify: a planner that
 * gave up is an internal error, and a chapter without a command, a file or
 * an expected output would "pass" having checked nothing.
 */
export function assertVerifiable(plan: ChapterPlan, stepCounts: readonly number[]): void {
  assertPlanned(plan)
  if (stepCounts.length === 0 || stepCounts.every((count) => count === 0)) {
    throw new InputError(
      `${plan.file}: nothing to verify: no command, file or expected-output block docs-verify can run or check; ` +
        `\`docs-verify ${plan.file} --dry-run\` shows how its blocks were read (fence titles such as title="Execute the following command(s) in a terminal" make a block a step)`
    )
  }
}

/** Notes that mean the chapter could not be read at all: its plan is empty
 * for that reason, not because the chapter holds nothing. */
const unplannable = new Set(['internal-error', 'nesting-too-deep'])

/** A chapter the planner could not read is an input error, in a dry-run too. */
export function assertPlanned(plan: ChapterPlan): void {
  const refusal = plan.notes.find((note) => unplannable.has(note.rule))
  if (refusal === undefined) return
  if (refusal.rule === 'internal-error') {
    throw new InputError(`${plan.file}:${refusal.line}: internal error: ${refusal.message} (a container nested very deeply can cause it: nest tabs and admonitions less deeply)`)
  }
  throw new InputError(`${plan.file}:${refusal.line}: ${refusal.message}`)
}
