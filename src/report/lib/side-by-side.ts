/**
 * The doc's block beside what the terminal printed, one row per line, `≠`
 * where they differ (whitespace aside). Plain text: it must read the same in
 * a CI log, a file and a terminal.
 */
export function sideBySide(doc: string, terminal: string, maxWidth = 60): string[] {
  const left = splitLines(doc)
  const right = splitLines(terminal)
  const width = Math.max(20, Math.min(maxWidth, Math.max(...left.map((line) => line.length), 'the doc shows'.length)))
  const rows = [`${'the doc shows'.padEnd(width)}   the terminal printed`, `${'-'.repeat(width)}   ${'-'.repeat(Math.min(width, 40))}`]
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? ''
    const r = right[i] ?? ''
    const mark = l.trim() === r.trim() ? ' ' : '≠'
    rows.push(`${(l.length > width ? `${l.slice(0, width - 1)}…` : l).padEnd(width)} ${mark} ${r}`.trimEnd())
  }
  return rows
}

function splitLines(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.replace(/\t/g, '    ').replace(/\r$/, ''))
}
