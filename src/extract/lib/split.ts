/**
 * Line-based container splitter for the pymdownx dialect. It finds content
 * tabs, admonitions and collapsibles by indentation (as Python-Markdown does),
 * leaving everything else as runs of plain lines for remark-parse. Markers
 * inside fenced code are not containers.
 */
import type {SourceLine} from './lines.js'
import {closesFence, isMergeConflictMarker, matchFenceOpening, matchMarker} from './markers.js'
import type {ContainerMarker} from './markers.js'

/** Plain lines `[start, end)` (0-based) with `indent` columns to strip. */
export interface RunBlock {
  type: 'run'
  start: number
  end: number
  indent: number
}

/** Lines that interrupted a container body which then resumed. */
export interface Interruption {
  /** 1-based line in the original file. */
  line: number
  text: string
  mergeConflict: boolean
}

export interface ContainerBlock {
  type: 'container'
  marker: ContainerMarker
  /** 0-based line of the marker. */
  line: number
  /** Columns in front of the marker. */
  indent: number
  /** 0-based last line of the body (the marker line when empty). */
  last: number
  /** Tabs: index of the group (the 0-based marker line of its first tab). */
  group?: number
  interruptions: Interruption[]
  children: Block[]
}

export type Block = RunBlock | ContainerBlock

export interface SplitProblem {
  /** 0-based line. */
  line: number
  rule: 'unclosed-fence' | 'container-bad-indentation'
  message: string
}

export interface SplitResult {
  blocks: Block[]
  /** 0-based lines that belong to no body (blanked before parsing). */
  skipped: Set<number>
  problems: SplitProblem[]
}

const maxInterruption = 12

/** Split lines `[start, end)` into runs and (nested) containers. */
export function splitContainers(lines: SourceLine[], start: number, end: number): SplitResult {
  const skipped = new Set<number>()
  const problems: SplitProblem[] = []
  const blocks = scan(lines, start, end, 0, skipped, problems)
  for (const block of blocks) dedupeInterruptions(block)
  return {blocks, skipped, problems}
}

function scan(
  lines: SourceLine[],
  start: number,
  end: number,
  indent: number,
  skipped: Set<number>,
  problems: SplitProblem[]
): Block[] {
  const blocks: Block[] = []
  let runStart = start
  let group: number | undefined
  let i = start
  while (i < end) {
    const line = lines[i]!
    if (line.blank || skipped.has(i) || line.indent < indent || line.indent >= indent + 4) {
      if (!line.blank && !skipped.has(i)) group = undefined
      i++
      continue
    }
    const content = line.expanded.slice(indent)
    const fence = matchFenceOpening(content)
    if (fence) {
      let j = i + 1
      while (j < end && (skipped.has(j) || !closesFence(dedent(lines[j]!, indent), fence))) j++
      if (j >= end) {
        problems.push({
          line: i,
          rule: 'unclosed-fence',
          message: `Code fence opened here is never closed: everything up to ${indent > 0 ? 'the end of its container' : 'the end of the file'} becomes code. Add a closing ${fence.char.repeat(fence.size)}.`
        })
      }
      group = undefined
      i = j + 1
      continue
    }
    const marker = line.indent === indent ? matchMarker(content) : undefined
    if (!marker) {
      group = undefined
      i++
      continue
    }
    if (runStart < i) blocks.push({type: 'run', start: runStart, end: i, indent})
    const body = bodyExtent(lines, i + 1, end, indent + 4, skipped)
    for (const interruption of body.interruptions) skipped.add(interruption.line - 1)
    if (body.last === i) reportBadIndentation(lines, i, end, indent, problems)
    const container: ContainerBlock = {
      type: 'container',
      marker,
      line: i,
      indent,
      last: body.last,
      interruptions: body.interruptions,
      children: scan(lines, i + 1, body.last + 1, indent + 4, skipped, problems)
    }
    if (marker.kind === 'tab') {
      if (group === undefined || marker.newGroup) group = i
      container.group = group
    } else group = undefined
    blocks.push(container)
    i = body.last + 1
    runStart = i
  }
  if (runStart < end) blocks.push({type: 'run', start: runStart, end, indent})
  return blocks
}

/** An empty container followed by a body indented by 1-3 spaces: a typo. */
function reportBadIndentation(lines: SourceLine[], marker: number, end: number, indent: number, problems: SplitProblem[]): void {
  let next = marker + 1
  while (next < end && lines[next]!.blank) next++
  const line = lines[next]
  if (!line || line.indent <= indent || line.indent >= indent + 4) return
  problems.push({
    line: next,
    rule: 'container-bad-indentation',
    message: `This line is indented by ${line.indent - indent} space(s) under the container at line ${marker + 1}, which needs ${indent + 4}: the container is empty and the line is outside it. Indent its body by 4 spaces.`
  })
}

function dedent(line: SourceLine, indent: number): string {
  return line.indent >= indent ? line.expanded.slice(indent) : line.expanded.trimStart()
}

/**
 * A body is every following line indented by `bodyIndent` or blank. Column-0
 * lines that are neither headings nor markers, followed by a return to the
 * body's indentation, are an interruption (a leftover merge-conflict marker):
 * the author meant the resumed lines to stay in the container.
 */
function bodyExtent(
  lines: SourceLine[],
  start: number,
  end: number,
  bodyIndent: number,
  skipped: Set<number>
): {last: number; interruptions: Interruption[]} {
  let last = start - 1
  const interruptions: Interruption[] = []
  let j = start
  while (j < end) {
    const line = lines[j]!
    if (line.blank) {
      j++
      continue
    }
    if (line.indent >= bodyIndent) {
      last = j
      j++
      continue
    }
    if (!interrupts(line) && !skipped.has(j)) break
    let k = j
    const run: number[] = []
    while (k < end && (lines[k]!.blank || interrupts(lines[k]!) || skipped.has(k)) && run.length <= maxInterruption) {
      if (!lines[k]!.blank) run.push(k)
      k++
    }
    if (k >= end || run.length > maxInterruption || lines[k]!.indent < bodyIndent) break
    for (const index of run) {
      const text = lines[index]!.text
      interruptions.push({line: index + 1, text, mergeConflict: isMergeConflictMarker(text)})
    }
    j = k
  }
  return {last: Math.max(last, start - 1), interruptions}
}

function interrupts(line: SourceLine): boolean {
  if (line.indent !== 0 || line.blank) return false
  const text = line.text
  if (/^#{1,6}(?:[ \t]|$)/.test(text)) return false
  // A list item's body is indented too (a fence inside `1. ...`): not a resumed container.
  if (/^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(text)) return false
  if (matchMarker(text) || matchFenceOpening(text)) return false
  return true
}

/** An interruption belongs to the innermost container that resumed after it. */
function dedupeInterruptions(block: Block): Set<number> {
  const inner = new Set<number>()
  if (block.type === 'run') return inner
  for (const child of block.children) for (const line of dedupeInterruptions(child)) inner.add(line)
  block.interruptions = block.interruptions.filter((interruption) => !inner.has(interruption.line))
  for (const interruption of block.interruptions) inner.add(interruption.line)
  return inner
}
