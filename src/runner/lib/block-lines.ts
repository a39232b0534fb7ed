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

/**
 * The line a hung command most likely sits on when the shell could not say
 * (it was replaced by `exec`, or ended): the last line naming one of the
 * running programs; line 1 when none does.
 */
export function lineNaming(blockText: string, programs: readonly string[]): {line: number; text: string} {
  const lines = blockText.split('\n')
  for (let index = lines.length - 1; index >= 0; index--) {
    const words = (lines[index] ?? '').split(/[\s;&|()]+/).map((word) => word.split('/').at(-1))
    if (programs.some((program) => program !== '' && words.includes(program))) return commandAtLine(blockText, index + 1)
  }
  return commandAtLine(blockText, 1)
}
