import {joinLines, leadingColumns, splitLines} from './lines.js'
import type {Line} from './lines.js'

/** New content for one expected-output fence (positions from `ExpectStep`). */
export interface BlockUpdate {
  /** First body line, 1-based; for an empty block the closing fence's line. */
  bodyStartLine: number
  /** Last body line, inclusive; bodyStartLine - 1 for an empty block. */
  bodyEndLine: number
  /** Columns of container indentation in front of every body line. */
  indent: number
  /** The body without container indentation, as the command printed it. */
  newBody: string
}

const fenceOpen = /^[ \t]*(`{3,}|~{3,})/
const fenceClose = /^[ \t]*(`{3,}|~{3,})[ \t]*$/

/**
 * Problems that would make a rewrite wrong: positions outside the file or
 * not between fences (the file changed since it was planned), overlapping
 * updates, a new body that would close its own fence. Empty when safe.
 */
export function checkBlockUpdates(fileText: string, updates: readonly BlockUpdate[], file = '<file>'): string[] {
  const lines = splitLines(fileText)
  const problems: string[] = []
  const sorted = [...updates].sort((a, b) => a.bodyStartLine - b.bodyStartLine)
  let previousEnd = 0
  for (const update of sorted) {
    const {bodyStartLine: start, bodyEndLine: end} = update
    const where = `${file}:${start}`
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 2 || end < start - 1 || end > lines.length) {
      problems.push(`${where}: body lines ${start}-${end} are not inside the file (${lines.length} lines); plan the chapter again.`)
      continue
    }
    if (start <= previousEnd) {
      problems.push(`${where}: overlaps the block ending at line ${previousEnd}; give each block once.`)
      continue
    }
    previousEnd = Math.max(end, start)
    const openText = lines[start - 2]!.text
    const open = fenceOpen.exec(openText)
    const openColumns = leadingColumns(openText)
    if (!open || openColumns < update.indent || openColumns > update.indent + 3) {
      problems.push(`${file}:${start - 1}: expected the opening fence of an output block; the file changed since it was planned: plan it again.`)
      continue
    }
    const marker = open[1]!
    const closing = lines[end]
    if (closing && !closes(closing.text, marker, update.indent)) {
      problems.push(`${file}:${end + 1}: expected the closing ${marker} fence of the block opened at line ${start - 1}; close the block in the doc, or plan the chapter again if the file changed.`)
      continue
    }
    const shallow = lines
      .slice(start - 1, end)
      .findIndex((line) => line.text.trim() !== '' && leadingColumns(line.text) < update.indent)
    if (shallow !== -1) {
      problems.push(`${file}:${start + shallow}: body line is indented less than its block (${update.indent} columns); the file changed since it was planned: plan it again.`)
      continue
    }
    const clash = bodyLines(update.newBody).findIndex((line) => closes(line, marker, 0))
    if (clash !== -1) {
      problems.push(`${where}: new output line ${clash + 1} would close the ${marker} fence; lengthen the fence in the doc (e.g. ${marker}${marker[0]}).`)
    }
  }
  return problems
}

/**
 * Replace the bodies of expected-output fences and nothing else: fences,
 * their indentation, other text, line endings and a missing final newline
 * stay byte for byte. New lines get the block's indentation; blank lines
 * stay empty and no line keeps trailing spaces.
 * Throws (listing every problem of `checkBlockUpdates`) rather than write a
 * wrong file.
 */
export function rewriteExpectedBlocks(fileText: string, updates: readonly BlockUpdate[], file?: string): string {
  const problems = checkBlockUpdates(fileText, updates, file)
  if (problems.length > 0) throw new Error(`Cannot update expected output:\n${problems.join('\n')}`)
  const lines = splitLines(fileText)
  const fallbackEol = lines.find((line) => line.eol !== '')?.eol ?? '\n'
  // Bottom-up so earlier line numbers stay valid.
  const sorted = [...updates].sort((a, b) => b.bodyStartLine - a.bodyStartLine)
  for (const update of sorted) {
    const fence = lines[update.bodyStartLine - 2]!
    const eol = fence.eol || fallbackEol
    const prefix = indentation(fence.text, update.indent)
    const replaced = lines.slice(update.bodyStartLine - 1, update.bodyEndLine)
    const fresh: Line[] = bodyLines(update.newBody).map((text) => {
      const trimmed = text.replace(/[ \t]+$/, '')
      return {text: trimmed === '' ? '' : prefix + trimmed, eol}
    })
    // A body that ran to the end of a file without a final newline keeps
    // ending without one.
    const last = replaced[replaced.length - 1]
    if (last && last.eol === '' && fresh.length > 0) fresh[fresh.length - 1]!.eol = ''
    lines.splice(update.bodyStartLine - 1, replaced.length, ...fresh)
  }
  return joinLines(lines)
}

function bodyLines(body: string): string[] {
  if (body === '') return []
  const lines = body.split(/\r\n|\n|\r/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Whether `text` closes a fence opened with `marker` inside a container
 * indented `indent` columns (a closing fence may add up to 3 spaces). */
function closes(text: string, marker: string, indent: number): boolean {
  const match = fenceClose.exec(text)
  return (
    match !== null &&
    match[1]![0] === marker[0] &&
    match[1]!.length >= marker.length &&
    leadingColumns(text) < indent + 4
  )
}

/** The fence's own leading whitespace when it is exactly the container
 * indentation (keeps tabs if the doc uses them), else spaces. */
function indentation(fenceText: string, indent: number): string {
  const lead = /^[ \t]*/.exec(fenceText)![0]
  let columns = 0
  for (let index = 0; index < lead.length; index++) {
    if (columns === indent) return lead.slice(0, index)
    columns += lead[index] === '\t' ? 4 - (columns % 4) : 1
  }
  return columns === indent ? lead : ' '.repeat(indent)
}
