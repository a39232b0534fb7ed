import type {Diagnostic, ExpectStep} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'expect-without-command'

/** "The output should be similar to this:" with no command before it:
 * nothing produces the output the doc promises. */
export const expectWithoutCommand: ChapterRule = {
  id,
  description: 'An expected-output block with no command before it.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    if (!context.plan) return []
    const seen = new Set<string>()
    const found: Diagnostic[] = []
    for (const variant of context.plan.variants) {
      for (const step of variant.steps) {
        if (step.kind !== 'expect' || seen.has(step.id)) continue
        seen.add(step.id)
        if (!isOrphan(step)) continue
        found.push(
          diagnostic(
            context.file,
            step.line,
            1,
            'warning',
            id,
            `Expected output ("${step.cue}") has no command before it to produce it; put the command block right before it or reword the cue.`
          )
        )
      }
    }
    return found
  }
}

function isOrphan(step: ExpectStep): boolean {
  return step.forStep === null && step.target === 'output'
}
