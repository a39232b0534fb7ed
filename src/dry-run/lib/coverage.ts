/**
 * What a run of one variant does with every fenced block of the chapter:
 * the plan's classification, narrowed to the steps this variant runs.
 */
import type {BlockPlan} from '../../plan/types.js'
import type {PreparedChapter} from '../../plan/index.js'

export interface BlockCoverage {
  line: number
  kind: BlockPlan['kind']
  reason: string
}

export interface Coverage {
  blocks: number
  verified: number
  displayOnly: BlockCoverage[]
  notVerified: BlockCoverage[]
}

/** Count and explain the blocks of a prepared variant. */
export function coverageOf(chapter: PreparedChapter): Coverage {
  const inVariant = new Set(chapter.variant.steps.map((step) => step.id))
  const coverage: Coverage = {blocks: chapter.plan.blocks.length, verified: 0, displayOnly: [], notVerified: []}
  for (const block of chapter.plan.blocks) {
    const entry = (reason: string): BlockCoverage => ({line: block.line, kind: block.kind, reason})
    if (block.stepId !== undefined && !inVariant.has(block.stepId)) {
      coverage.notVerified.push(entry(`in another tab than variant ${chapter.variant.id}`))
    } else if (block.coverage === 'verified') coverage.verified++
    else if (block.coverage === 'display-only') coverage.displayOnly.push(entry(block.coverageReason ?? block.reason))
    else coverage.notVerified.push(entry(block.coverageReason ?? block.reason))
  }
  return coverage
}

/** `blocks: 12; verified 9; display-only 2; not verified 1`, then one line per unverified block. */
export function renderCoverage(coverage: Coverage): string[] {
  const lines = [`blocks: ${coverage.blocks}; verified ${coverage.verified}; display-only ${coverage.displayOnly.length}; not verified ${coverage.notVerified.length}`]
  for (const block of coverage.displayOnly) lines.push(`  display-only line ${block.line} (${block.kind}): ${block.reason}`)
  for (const block of coverage.notVerified) lines.push(`  not verified line ${block.line} (${block.kind}): ${block.reason}`)
  return lines
}
