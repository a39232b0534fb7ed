/**
 * A unified-style diff of the doc's block against the output, for reports.
 */

import {commonSubsequence} from './align.js'

export interface DiffSide {
  /** Lines as shown in the diff (masked). */
  lines: string[]
  /** Lines as compared (whitespace-normalised); same length as `lines`. */
  keys: string[]
}

type Row = {mark: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number}

const context = 3

/** Render `--- expected` / `+++ actual` hunks; empty when keys are equal. */
export function unifiedDiff(expected: DiffSide, actual: DiffSide): string {
  const rows: Row[] = []
  let oldIndex = 0
  let newIndex = 0
  const pairs = commonSubsequence(expected.keys, actual.keys)
  for (const [oldMatch, newMatch] of [...pairs, [expected.lines.length, actual.lines.length]]) {
    while (oldIndex < (oldMatch ?? 0)) {
      rows.push({mark: '-', text: expected.lines[oldIndex] ?? '', oldLine: oldIndex, newLine: newIndex})
      oldIndex++
    }
    while (newIndex < (newMatch ?? 0)) {
      rows.push({mark: '+', text: actual.lines[newIndex] ?? '', oldLine: oldIndex, newLine: newIndex})
      newIndex++
    }
    if (oldIndex < expected.lines.length && newIndex < actual.lines.length) {
      rows.push({mark: ' ', text: actual.lines[newIndex] ?? '', oldLine: oldIndex, newLine: newIndex})
      oldIndex++
      newIndex++
    }
  }
  if (rows.every((row) => row.mark === ' ')) return ''

  const out = ['--- expected', '+++ actual']
  let index = 0
  while (index < rows.length) {
    const firstChange = rows.findIndex((row, at) => at >= index && row.mark !== ' ')
    if (firstChange === -1) break
    const start = Math.max(index, firstChange - context)
    let end = firstChange
    // Extend the hunk while the next change is within two contexts.
    for (let at = firstChange; at < rows.length; at++) {
      if (rows[at]?.mark !== ' ') end = at
      else if (at - end > 2 * context) break
    }
    const stop = Math.min(rows.length, end + context + 1)
    const hunk = rows.slice(start, stop)
    const first = hunk[0]
    const oldCount = hunk.filter((row) => row.mark !== '+').length
    const newCount = hunk.filter((row) => row.mark !== '-').length
    out.push(
      `@@ -${(first?.oldLine ?? 0) + (oldCount ? 1 : 0)},${oldCount} +${(first?.newLine ?? 0) + (newCount ? 1 : 0)},${newCount} @@`
    )
    for (const row of hunk) out.push(row.mark + row.text)
    index = stop
  }
  return out.join('\n') + '\n'
}
