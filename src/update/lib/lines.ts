/** A line and the ending it had in the file ('' for a last line without). */
export interface Line {
  text: string
  eol: string
}

/** Split keeping each line's own ending (CRLF, LF or CR), so joining the
 * result gives back the input byte for byte. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const ending = /\r\n|\n|\r/g
  let start = 0
  for (let match = ending.exec(text); match; match = ending.exec(text)) {
    lines.push({text: text.slice(start, match.index), eol: match[0]})
    start = match.index + match[0].length
  }
  if (start < text.length) lines.push({text: text.slice(start), eol: ''})
  return lines
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('')
}

/** Width of leading whitespace, tabs to the next multiple of 4 (CommonMark). */
export function leadingColumns(text: string): number {
  let columns = 0
  for (const char of text) {
    if (char === ' ') columns++
    else if (char === '\t') columns += 4 - (columns % 4)
    else break
  }
  return columns
}
