/**
 * The prepare stage's last step: one variant of a planned chapter as it
 * will run, placeholders filled in (at their recorded positions) and
 * stand-ins applied, each recorded so dry-run and reports show them.
 */
import type {ChapterConfig, StandIn} from '../../config/index.js'
import type {ChapterPlan, PlaceholderValue, Variant} from '../types.js'
import {reasonsToChain} from './needs-earlier-chapters.js'
import {fillPlaceholders, resolvePlaceholders} from './placeholder-values.js'
import type {PreparedChapter, PreparedStep} from './prepared.js'
import {applyStandIns} from './stand-ins.js'

export interface PrepareOptions {
  /** `--set` values. */
  set?: Record<string, string>
  /** The configuration for this chapter (top level merged with its own). */
  config: ChapterConfig
  /** Stand-ins docs-verify declares itself (the cloud's interactive logins),
   * applied after the configuration's. */
  builtInStandIns?: readonly StandIn[]
  /** Values the sandbox decides (a billing account its stand-in lists),
   * given the resolved ones; the plan knows nothing of the sandbox. */
  bindSandbox?: (values: PlaceholderValue[]) => PlaceholderValue[]
}

/** One variant of a chapter as it will run. */
export function prepareVariant(plan: ChapterPlan, variant: Variant, options: PrepareOptions): PreparedChapter {
  const resolved = resolvePlaceholders(plan, {
    ...(options.set === undefined ? {} : {set: options.set}),
    ...(options.config.placeholders === undefined ? {} : {config: options.config.placeholders})
  })
  const placeholders = options.bindSandbox ? options.bindSandbox(resolved) : resolved
  const standIns = [...(options.config.standIns ?? []), ...(options.builtInStandIns ?? [])]
  const steps = variant.steps.map((step): PreparedStep => {
    const filled = fillPlaceholders(step.text, step.placeholders, placeholders)
    if (step.kind !== 'command' || standIns.length === 0) return {step, text: filled, typed: filled, standIns: []}
    const {text, applied} = applyStandIns(filled, standIns, step.text)
    return {step, text, typed: filled, standIns: applied}
  })
  const usedKeys = new Set(variant.steps.flatMap((step) => (step.kind === 'expect' ? [] : step.placeholders.map((use) => use.key))))
  return {
    plan,
    variant,
    placeholders: placeholders.filter((value) => usedKeys.has(value.key)),
    steps,
    needs: reasonsToChain(plan, variant.steps)
  }
}
