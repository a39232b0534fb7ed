import {inFull} from './elide-lines.js'

/**
 * The doc's block beside what the terminal printed, one row per line, `≠`
 * where they differ (whitespace aside). Plain text: it must read the same in
 * a CI log, a file and a terminal.
 */
export function sideBySide(doc: string, terminal: string, maxWidth = 60, maxRows = 40): string[] {
  const left = splitLines(doc)
  const right = splitLines(terminal)
  const width = Math.max(20, Math.min(maxWidth, Math.max(...left.map((line) => line.length), 'the doc shows'.length)))
  const header = [`${'the doc shows'.padEnd(width)}   the terminal printed`, `${'-'.repeat(width)}   ${'-'.repeat(Math.min(width, 40))}`]
  const rows: {text: string; differs: boolean}[] = []
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? ''
    const r = right[i] ?? ''
    const differs = l.trim() !== r.trim()
    rows.push({text: `${(l.length > width ? `${l.slice(0, width - 1)}…` : l).padEnd(width)} ${differs ? '≠' : ' '} ${r}`.trimEnd(), differs})
  }
  return [...header, ...aroundDifferences(rows, maxRows)]
}

/** Rows near a difference, runs of equal rows folded, at most `maxRows`:
 * the first difference may sit 500 rows down a long output. */
function aroundDifferences(rows: readonly {text: string; differs: boolean}[], maxRows: number, context = 2): string[] {
  if (rows.length <= maxRows) return rows.map((row) => row.text)
  const shown = rows.map((_, index) => rows.slice(Math.max(0, index - context), index + context + 1).some((row) => row.differs))
  const out: string[] = []
  let index = 0
  while (index < rows.length && out.length < maxRows) {
    if (shown[index]) {
      out.push(rows[index]!.text)
      index++
      continue
    }
    let end = index
    while (end < rows.length && !shown[end]) end++
    out.push(`   ⋮ ${end - index} equal ${end - index === 1 ? 'row' : 'rows'}`)
    index = end
  }
  if (index < rows.length) {
    const rest = rows.slice(index)
    const differing = rest.filter((row) => row.differs).length
    out.push(`… ${rest.length.toLocaleString('en-US')} more rows, ${differing.toLocaleString('en-US')} of them differ: ${inFull}`)
  }
  return out
}

function splitLines(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.replace(/\t/g, '    ').replace(/\r$/, ''))
}
