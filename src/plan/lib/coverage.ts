/**
 * What a run of one variant does with every fenced block of the chapter:
 * the plan's classification, narrowed to the steps this variant runs.
 */
import type {BlockPlan} from '../types.js'
import type {PreparedChapter} from './prepared.js'

/** A block the variant does not verify, and why. */
export interface UncoveredBlock {
  line: number
  kind: BlockPlan['kind']
  reason: string
}

export interface Coverage {
  blocks: number
  verified: number
  displayOnly: UncoveredBlock[]
  notVerified: UncoveredBlock[]
}

/** Count and explain the blocks of a prepared variant. */
export function coverageOf(chapter: PreparedChapter): Coverage {
  const inVariant = new Set(chapter.variant.steps.map((step) => step.id))
  const coverage: Coverage = {blocks: chapter.plan.blocks.length, verified: 0, displayOnly: [], notVerified: []}
  for (const block of chapter.plan.blocks) {
    const entry = (reason: string): UncoveredBlock => ({line: block.line, kind: block.kind, reason})
    if (block.stepId !== undefined && !inVariant.has(block.stepId)) {
      coverage.notVerified.push(entry(`in another tab than variant ${chapter.variant.id}`))
    } else if (block.coverage === 'verified') coverage.verified++
    else if (block.coverage === 'display-only') coverage.displayOnly.push(entry(block.coverageReason ?? block.reason))
    else coverage.notVerified.push(entry(block.coverageReason ?? block.reason))
  }
  return coverage
}
