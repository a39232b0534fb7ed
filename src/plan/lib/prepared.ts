import type {AppliedStandIn} from '../../config/index.js'
import type {ChapterPlan, PlaceholderValue, Step, Variant} from '../types.js'

/** A step as it will run: placeholders filled in, stand-ins applied. */
export interface PreparedStep {
  step: Step
  /** What runs (commands) or is written (files); for expect steps the
   * expected text with placeholders filled in. */
  text: string
  /** The step's text with placeholders filled in, before stand-ins: what
   * the learner types. */
  typed: string
  /** Command lines a stand-in rewrote (config or built-in), with reasons. */
  standIns: AppliedStandIn[]
}

/** One chapter in one variant, ready to run or to show. */
export interface PreparedChapter {
  plan: ChapterPlan
  variant: Variant
  /** Values of the placeholders this variant uses, with their sources. */
  placeholders: PlaceholderValue[]
  steps: PreparedStep[]
  /** Why the chapter needs earlier chapters first ([] when it stands alone). */
  needs: string[]
}
