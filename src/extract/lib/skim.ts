/**
 * A line skimmer for runs of simple structure: planning needs only their
 * headings, paragraphs (prose cues) and fenced code, so it can skip
 * micromark for them. Runs with anything that could change block structure
 * (lists, quotes, HTML, indented code, directives, setext underlines,
 * thematic breaks, unclosed or unusual fences) are left to remark-parse.
 */
import type {Code, Heading, Paragraph, RootContent} from 'mdast'
import type {Position} from 'unist'
import {dedentLine} from './lines.js'
import type {SourceLine} from './lines.js'
import {closesFence as closesFenceOpening, matchFenceOpening} from './markers.js'
import type {FenceOpening} from './markers.js'

const needsParser = /^(?: {4}| {0,3}(?:[-*+>]|\d{1,9}[.)]|<|:::|=+\s*$|(?:[*_-]\s*){3,}$|\[[^\]]*\]:))/
const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const fenceOpening = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\\&]*?)[ \t]*$/

interface Fence {
  indent: number
  char: string
  size: number
  info: string
}

function openFence(content: string): Fence | undefined | false {
  if (!/^ {0,3}(?:`{3}|~{3})/.test(content)) return undefined
  const match = fenceOpening.exec(content)
  // A fence whose info string has escapes, references or backticks: leave it to the parser.
  if (!match) return false
  const run = match[2]!
  if (run[0] === '~' && /[\\&]/.test(content)) return false
  return {indent: match[1]!.length, char: run[0]!, size: run.length, info: match[3]!}
}

function closesFence(content: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content)
  return Boolean(match && match[1]![0] === fence.char && match[1]!.length >= fence.size)
}

/** Whether lines `[start, end)` can be skimmed (after dedenting by `indent`). */
export function canSkim(lines: SourceLine[], start: number, end: number, indent: number, skipped: Set<number>): boolean {
  let fence: Fence | undefined
  for (let i = start; i < end; i++) {
    const line = lines[i]!
    if (skipped.has(i)) return false
    const content = line.blank ? '' : dedentLine(line, indent)
    if (fence) {
      if (closesFence(content, fence)) fence = undefined
      continue
    }
    if (line.blank) continue
    const opened = openFence(content)
    if (opened === false) return false
    if (opened) {
      fence = opened
      continue
    }
    if (needsParser.test(content)) return false
  }
  return fence === undefined
}

/** Headings, paragraphs and fenced code of a skimmable run, in original positions. */
export function skimRun(lines: SourceLine[], start: number, end: number, indent: number): RootContent[] {
  const nodes: RootContent[] = []
  let chunk: number[] = []
  const flush = (): void => {
    if (chunk.length === 0) return
    const position = span(lines, chunk[0]!, chunk[chunk.length - 1]!)
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [{type: 'text', value: chunk.map((i) => lines[i]!.text.trim()).join('\n'), position}],
      position
    }
    nodes.push(paragraph)
    chunk = []
  }
  for (let i = start; i < end; i++) {
    const line = lines[i]!
    if (line.blank) {
      flush()
      continue
    }
    const content = dedentLine(line, indent)
    const fence = openFence(content)
    if (fence) {
      flush()
      let close = i + 1
      while (close < end && !closesFence(lines[close]!.blank ? '' : dedentLine(lines[close]!, indent), fence)) close++
      const body: string[] = []
      for (let j = i + 1; j < close; j++) {
        const inner = lines[j]!.blank ? '' : dedentLine(lines[j]!, indent)
        const strip = Math.min(fence.indent, inner.length - inner.trimStart().length)
        body.push(inner.slice(strip))
      }
      const space = fence.info.search(/[ \t]/)
      const lang = space === -1 ? fence.info : fence.info.slice(0, space)
      const meta = space === -1 ? '' : fence.info.slice(space).trim()
      const code: Code = {type: 'code', lang: lang === '' ? null : lang, meta: meta === '' ? null : meta, value: body.join('\n'), position: span(lines, i, close)}
      nodes.push(code)
      i = close
      continue
    }
    const match = heading.exec(content)
    if (match) {
      flush()
      const node: Heading = {
        type: 'heading',
        depth: match[1]!.length as Heading['depth'],
        children: match[2] ? [{type: 'text', value: match[2], position: span(lines, i, i)}] : [],
        position: span(lines, i, i)
      }
      nodes.push(node)
      continue
    }
    chunk.push(i)
  }
  flush()
  return nodes
}

function span(lines: SourceLine[], first: number, last: number): Position {
  const a = lines[first]!
  const b = lines[last]!
  return {
    start: {line: first + 1, column: a.lead + 1, offset: a.offset + a.lead},
    end: {line: last + 1, column: b.text.length + 1, offset: b.offset + b.text.length}
  }
}

/**
 * Split a run where nothing can continue across: a blank line followed by a
 * line at the run's own indentation, outside fences. Each piece can then be
 * skimmed or parsed on its own. A run with HTML, or with a fence-like line
 * indented 4 or more, is left whole: only the parser can tell where those end.
 */
export function segmentRun(lines: SourceLine[], start: number, end: number, indent: number): [number, number][] {
  const segments: [number, number][] = []
  let from = start
  let fence: FenceOpening | undefined
  for (let i = start; i < end; i++) {
    const line = lines[i]!
    if (line.blank) continue
    const content = dedentLine(line, indent)
    // A fence-like line indented 4 or more is in a list item or in indented
    // code: only the parser can tell, so the run stays whole.
    if (/^ {4,}(?:`{3}|~{3})/.test(content)) return [[start, end]]
    if (fence) {
      if (closesFenceOpening(content, fence)) fence = undefined
      continue
    }
    // HTML blocks end at a blank line or, for comments and raw blocks, at
    // their closing text: fence-like lines inside them are not fences.
    if (/^ {0,3}</.test(content)) return [[start, end]]
    if (i > from && lines[i - 1]!.blank && !/^\s/.test(content)) {
      segments.push([from, i])
      from = i
    }
    fence = matchFenceOpening(content)
  }
  segments.push([from, end])
  return segments
}
