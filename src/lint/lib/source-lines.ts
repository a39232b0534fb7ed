/** Python-Markdown expands tabs to 4 columns before it measures indentation. */
const tabWidth = 4

/** Splits text into lines the way an editor numbers them (`\n`, `\r\n` or
 * `\r`); a leading byte order mark is dropped so column 1 stays column 1. */
export function splitLines(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  return body.split(/\r\n|\n|\r/)
}

/** Columns of leading whitespace, tabs expanded to the next multiple of 4. */
export function indentOf(line: string): number {
  let width = 0
  for (const char of line) {
    if (char === ' ') width++
    else if (char === '\t') width += tabWidth - (width % tabWidth)
    else break
  }
  return width
}

/** Whether a line holds only whitespace (a paragraph break). */
export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line)
}

/** Whether the leading whitespace of a line contains a tab. */
export function hasLeadingTab(line: string): boolean {
  return /^ *\t/.test(line)
}
