/**
 * Splitting output into lines the way a terminal shows them.
 */

export interface Line {
  /** 1-based line number in the text it came from. */
  number: number
  /** The line as written, without its line ending and escape sequences. */
  raw: string
  /** What a terminal shows: text after the last carriage return, trailing
   * whitespace removed. */
  text: string
}

export interface SplitLines {
  lines: Line[]
  /** The text used `\r\n` line endings. */
  crlf: boolean
  /** Some line was redrawn with a bare `\r` (progress output). */
  redrawn: boolean
  /** The text had ANSI escape sequences (colours, cursor moves). */
  ansi: boolean
}

// CSI sequences (colours, cursor moves) and OSC sequences (window titles,
// hyperlinks), as a terminal consumes them without showing them.
const ansiPattern = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-B]/g

/** Split text into terminal lines; trailing blank lines are dropped because
 * a doc block and a command's output never agree on them. */
export function splitLines(text: string): SplitLines {
  const crlf = text.includes('\r\n')
  const ansi = text.includes('\u001b')
  const parts = text.replace(ansiPattern, '').replace(/\r\n/g, '\n').split('\n')
  let redrawn = false
  const lines: Line[] = parts.map((part, index) => {
    let shown = part
    if (shown.includes('\r')) {
      // A bare CR returns the cursor: only the last redraw stays on screen.
      const segments = shown.split('\r').filter((segment) => segment !== '')
      shown = segments.at(-1) ?? ''
      redrawn = true
    }
    return {number: index + 1, raw: part, text: shown.replace(/[ \t]+$/, '')}
  })
  while (lines.length > 0 && lines.at(-1)?.text === '') lines.pop()
  return {lines, crlf, redrawn, ansi}
}

/** Whitespace-insensitive key of a line: tabs and runs of spaces count as one
 * space, and indentation only counts as present or absent (docs indent with
 * spaces where tools print tabs, and align columns by hand). */
export function whitespaceKey(text: string): string {
  return text.replace(/[ \t]+/g, ' ')
}

/** A line standing for any number of output lines: `...`, `…`, `[...]`. */
export function isElision(text: string): boolean {
  return /^\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*$/.test(text)
}
