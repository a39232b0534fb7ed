/**
 * Source lines with their indentation measured. Tabs in indentation expand
 * to the next multiple of 4 (as Python-Markdown does).
 */
export interface SourceLine {
  /** The line as written, without its line ending (CR removed). */
  text: string
  /** Width of the leading whitespace after expansion. */
  indent: number
  /** Characters of leading whitespace in the original line. */
  lead: number
  /** Offset of the line's first character in the original text. */
  offset: number
  blank: boolean
}

const tabSize = 4

/** Split text on LF, CRLF or lone CR, keeping original offsets. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = []
  // The regex finds each line ending natively: a loop over every character
  // here was a visible part of a cold (interpreted) planning run.
  const ending = /\r\n?|\n/g
  let start = 0
  for (let match = ending.exec(text); match !== null; match = ending.exec(text)) {
    lines.push(describeLine(text.slice(start, match.index), start))
    start = match.index + match[0].length
  }
  lines.push(describeLine(text.slice(start), start))
  return lines
}

function describeLine(text: string, offset: number): SourceLine {
  let width = 0
  let lead = 0
  while (lead < text.length) {
    const char = text.charCodeAt(lead)
    if (char === 32) width++
    else if (char === 9) width += tabSize - (width % tabSize)
    else break
    lead++
  }
  return {text, indent: width, lead, offset, blank: lead === text.length}
}
