/**
 * Bash reports a command continued with `\` at its last line; the learner
 * (and the report) know it by its first. Map a reported line to the whole
 * command as written.
 */
export function commandAtLine(blockText: string, line: number): {line: number; text: string} {
  const lines = blockText.split('\n')
  const index = Math.min(Math.max(line, 1), Math.max(lines.length, 1)) - 1
  let start = index
  while (start > 0 && (lines[start - 1] ?? '').endsWith('\\')) start--
  let end = index
  while (end < lines.length - 1 && (lines[end] ?? '').endsWith('\\')) end++
  return {line: start + 1, text: lines.slice(start, end + 1).join('\n')}
}
