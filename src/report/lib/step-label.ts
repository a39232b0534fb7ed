import type {StepReport} from '../types.js'

/** A step's name in reports: its id and fence title. Stable across runs and
 * shards, so never the command as run (it holds filled-in values). */
export function stepLabel(step: StepReport): string {
  return step.title ? `${step.id} (${step.title})` : step.id
}

/** Where a failure should point: the expected-output block when outputs
 * differed, else the step's own fence. */
export function failureLine(step: StepReport): number {
  return step.diff !== undefined && step.expectLine !== undefined ? step.expectLine : step.line
}
