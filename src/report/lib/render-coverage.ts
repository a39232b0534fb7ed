import type {Coverage} from '../../plan/index.js'

/** `blocks: 12; verified 9; display-only 2; not verified 1`, then one line per unverified block. */
export function renderCoverage(coverage: Coverage): string[] {
  const lines = [`blocks: ${coverage.blocks}; verified ${coverage.verified}; display-only ${coverage.displayOnly.length}; not verified ${coverage.notVerified.length}`]
  for (const block of coverage.displayOnly) lines.push(`  display-only line ${block.line} (${block.kind}): ${block.reason}`)
  for (const block of coverage.notVerified) lines.push(`  not verified line ${block.line} (${block.kind}): ${block.reason}`)
  return lines
}
