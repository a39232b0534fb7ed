import type {Diagnostic} from '../../../plan/types.js'
import {diagnostic} from '../rule.js'
import type {ChapterRule, LintContext} from '../rule.js'

const id = 'output-without-cue'

/** A block that reads as a command's output (right after it, or "run the
 * command again") but that nothing binds to a command: a learner sees a
 * promise that no check keeps. */
export const outputWithoutCue: ChapterRule = {
  id,
  description: 'A block that looks like the output of a command but is bound to none.',
  scope: 'chapter',
  check(context: LintContext): Diagnostic[] {
    if (!context.plan) return []
    return context.plan.blocks
      .filter((block) => block.kind === 'output' && block.stepId === undefined)
      .map((block) =>
        diagnostic(
          context.file,
          block.line,
          1,
          'warning',
          id,
          `This block looks like output (${block.reason}) but is not checked: ${block.coverageReason ?? 'nothing binds it to a command'}. Introduce it with "The output should be similar to this:" right after the command that prints it.`
        )
      )
  }
}
