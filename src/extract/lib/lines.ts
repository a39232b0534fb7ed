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
  let start = 0
  const length = text.length
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : -1
    if (code === 10 || code === 13 || code === -1) {
      lines.push(describeLine(text.slice(start, i), start))
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++
      start = i + 1
    }
  }
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
