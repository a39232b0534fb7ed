/**
 * Parse MkDocs-Material Markdown into mdast: pymdownx containers become
 * `containerDirective` nodes (`tab`, `admonition`, `details`) whose bodies are
 * parsed, dedented, by remark-parse; every position is mapped back to the
 * original file's lines, columns and offsets.
 */
import type {Nodes, Root, RootContent, Text, Yaml} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {Point} from 'unist'
import type {Diagnostic} from '../../diagnostic/index.js'
import {dedentLine, originalColumn, splitLines} from './lines.js'
import type {SourceLine} from './lines.js'
import {parseCommonMark} from './remark.js'
import {splitContainers} from './split.js'
import type {Block, ContainerBlock, RunBlock} from './split.js'
import {stripEmoji} from './emoji.js'
import {canSkim, segmentRun, skimRun} from './skim.js'
import './node-data.js'

/** micromark's event splicing grows faster than linearly with document
 * size: past this many characters, parsing run by run is faster. */
const singlePassLimit = 256 * 1024

interface Context {
  file: string
  lines: SourceLine[]
  skipped: Set<number>
  /** Nodes of each run (by its first line) when the whole chapter was parsed at once. */
  parsed?: Map<number, RootContent[]>
  inline: boolean
  skim: boolean
  skimmable: Map<number, boolean>
}

export interface ParseOptions {
  /** Parse the chapter in one remark call when its structure allows
   * (default: true); false parses each run of lines on its own. */
  singlePass?: boolean
  /** Parse inline content (emphasis, links, code spans; default: true).
   * false leaves each paragraph and heading one raw text node: enough for
   * planning, which reads prose from the source. */
  inline?: boolean
  /** Cut runs into independent pieces and skim those made only of headings,
   * paragraphs and fenced code line by line instead of parsing them
   * (default: false). For planning: lists, quotes and HTML in those pieces
   * are not built. */
  skim?: boolean
}

/** Parse a chapter; never throws on bad input (problems go in `root.data.diagnostics`). */
export function parseMarkdown(text: string, file: string, options: ParseOptions = {}): Root {
  const lines = splitLines(text)
  const diagnostics: Diagnostic[] = []
  const children: RootContent[] = []
  const binary = findBinary(lines)
  if (binary !== undefined) {
    diagnostics.push({
      file,
      line: binary + 1,
      column: 1,
      severity: 'warning',
      rule: 'binary-content',
      message: 'Control characters found: is this a text Markdown file? Check its encoding.'
    })
  }
  const start = frontMatter(lines, children)
  const split = splitContainers(lines, start, lines.length)
  if (options.skim === true) split.blocks = segmentRuns(split.blocks, lines)
  const context: Context = {file, lines, skipped: split.skipped, inline: options.inline !== false, skim: options.skim === true, skimmable: new Map()}
  if (split.problems.length === 0 && options.singlePass !== false && text.length <= singlePassLimit) {
    const parsed = parseAtOnce(split.blocks, context, start)
    if (parsed) context.parsed = parsed
  }
  for (const block of split.blocks) children.push(...toNodes(block, context, diagnostics))
  for (const problem of split.problems) {
    const line = lines[problem.line]!
    diagnostics.push({file, line: problem.line + 1, column: line.lead + 1, severity: 'warning', rule: problem.rule, message: problem.message})
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)
  const last = lines[lines.length - 1]!
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines.length, column: last.text.length + 1, offset: text.length}},
    data: {diagnostics}
  }
}

function findBinary(lines: SourceLine[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    // NUL and C0 controls other than tab/form feed/escape never occur in prose.
    if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(lines[i]!.text)) return i
  }
  return undefined
}

/** YAML front matter (`---` ... `---`): returns the first line after it. */
function frontMatter(lines: SourceLine[], children: RootContent[]): number {
  if (lines.length < 2 || lines[0]!.text.trimEnd() !== '---') return 0
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!.text.trimEnd()
    if (text === '---' || text === '...') {
      const node: Yaml = {
        type: 'yaml',
        value: lines.slice(1, i).map((line) => line.text).join('\n'),
        position: {
          start: {line: 1, column: 1, offset: 0},
          end: {line: i + 1, column: lines[i]!.text.length + 1, offset: lines[i]!.offset + lines[i]!.text.length}
        }
      }
      children.push(node)
      return i + 1
    }
  }
  return 0
}

function toNodes(block: Block, context: Context, diagnostics: Diagnostic[]): RootContent[] {
  return block.type === 'run' ? runToNodes(block, context) : [containerToNode(block, context, diagnostics)]
}

function runToNodes(run: RunBlock, context: Context): RootContent[] {
  if (isSkimmable(run, context)) {
    return skimRun(context.lines, run.start, run.end, run.indent)
  }
  if (context.parsed) return context.parsed.get(run.start) ?? []
  const parts: string[] = []
  let hasContent = false
  for (let i = run.start; i < run.end; i++) {
    const line = context.lines[i]!
    if (context.skipped.has(i) || line.blank) parts.push('')
    else {
      parts.push(dedentLine(line, run.indent))
      hasContent = true
    }
  }
  if (!hasContent) return []
  const source = parts.join('\n')
  const root = parseCommonMark(source, context.inline)
  revertBareTextDirectives(root, source)
  for (const child of root.children) shiftPositions(child, run.start, run.indent, context)
  return root.children
}

/** Planning only: cut runs into independent pieces so more of them can be skimmed. */
function segmentRuns(blocks: Block[], lines: SourceLine[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.type === 'container') return [{...block, children: segmentRuns(block.children, lines)}]
    return segmentRun(lines, block.start, block.end, block.indent).map(([start, end]) => ({type: 'run', start, end, indent: block.indent}))
  })
}

function isSkimmable(run: RunBlock, context: Context): boolean {
  if (!context.skim) return false
  let known = context.skimmable.get(run.start)
  if (known === undefined) {
    known = canSkim(context.lines, run.start, run.end, run.indent, context.skipped)
    context.skimmable.set(run.start, known)
  }
  return known
}

/**
 * Fast path: one remark-parse call for the whole chapter (each call has a
 * fixed cost). Every line is dedented by its run's indentation; marker
 * lines become an HTML comment, which ends any paragraph or list. If a node
 * still spans two runs (a lazy line after a container, an HTML block), the
 * caller parses run by run instead.
 */
function parseAtOnce(blocks: Block[], context: Context, start: number): Map<number, RootContent[]> | undefined {
  const {lines, skipped} = context
  const runOf = new Int32Array(lines.length).fill(-1)
  const indentOf = new Int32Array(lines.length)
  const skimmed = new Uint8Array(lines.length)
  const runs: RunBlock[] = []
  const collect = (list: Block[]): void => {
    for (const block of list) {
      if (block.type === 'run') {
        if (isSkimmable(block, context)) {
          skimmed.fill(1, block.start, block.end)
          continue
        }
        runs.push(block)
        for (let i = block.start; i < block.end; i++) {
          runOf[i] = block.start
          indentOf[i] = block.indent
        }
      } else collect(block.children)
    }
  }
  collect(blocks)
  const parts: string[] = new Array<string>(lines.length)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (i < start || skipped.has(i) || line.blank || skimmed[i] === 1) parts[i] = ''
    else if (runOf[i] === -1) parts[i] = '<!---->'
    else parts[i] = dedentLine(line, indentOf[i]!)
  }
  const source = parts.join('\n')
  const root = parseCommonMark(source, context.inline)
  revertBareTextDirectives(root, source)
  const parsed = new Map<number, RootContent[]>()
  for (const child of root.children) {
    const first = (child.position?.start.line ?? 1) - 1
    const last = (child.position?.end.line ?? 1) - 1
    const run = runOf[first]!
    if (run === -1) {
      if (child.type === 'html' && first === last) continue
      return undefined
    }
    if (runOf[last] !== run) return undefined
    shiftPositions(child, 0, indentOf[first]!, context)
    let nodes = parsed.get(run)
    if (!nodes) parsed.set(run, (nodes = []))
    nodes.push(child)
  }
  return parsed
}

/**
 * remark-directive reads emoji shortcodes (`:simple-git:`) as text
 * directives; a bare one (no label, no attributes) is put back as text.
 */
function revertBareTextDirectives(node: Nodes, source: string): void {
  if (!('children' in node)) return
  const children = node.children as Nodes[]
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (
      child.type === 'textDirective' &&
      child.children.length === 0 &&
      (!child.attributes || Object.keys(child.attributes).length === 0) &&
      child.position?.start.offset !== undefined &&
      child.position.end.offset !== undefined
    ) {
      const text: Text = {type: 'text', value: source.slice(child.position.start.offset, child.position.end.offset), position: child.position}
      children[i] = text
    } else revertBareTextDirectives(child, source)
  }
}

function shiftPositions(node: Nodes, lineOffset: number, indent: number, context: Context): void {
  if (node.position) {
    node.position = {
      start: shiftPoint(node.position.start, lineOffset, indent, context),
      end: shiftPoint(node.position.end, lineOffset, indent, context)
    }
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shiftPositions(child, lineOffset, indent, context)
}

function shiftPoint(point: Point, lineOffset: number, indent: number, context: Context): Point {
  const index = Math.min(lineOffset + point.line - 1, context.lines.length - 1)
  const line = context.lines[index]!
  const stripped = context.skipped.has(index) || line.blank ? 0 : Math.min(line.indent, indent)
  const column = originalColumn(line, point.column + stripped)
  return {line: index + 1, column, offset: line.offset + column - 1}
}

function containerToNode(block: ContainerBlock, context: Context, diagnostics: Diagnostic[]): ContainerDirective {
  const {lines, file} = context
  const first = lines[block.line]!
  const last = lines[block.last]!
  const marker = block.marker
  const attributes: Record<string, string> = {}
  if (marker.kind === 'tab') {
    attributes.label = marker.label ?? ''
    if (marker.selected) attributes.selected = 'true'
    if (marker.newGroup) attributes.newGroup = 'true'
  } else {
    attributes.type = marker.type ?? 'note'
    if (marker.classes && marker.classes.length > 0) attributes.class = marker.classes.join(' ')
    if (marker.title !== undefined) attributes.title = marker.title
    if (marker.kind === 'details') attributes.open = marker.open ? 'true' : 'false'
  }
  const children: RootContent[] = []
  for (const child of block.children) children.push(...toNodes(child, context, diagnostics))
  const column = originalColumn(first, block.indent + 1)
  for (const interruption of block.interruptions) {
    diagnostics.push({
      file,
      line: interruption.line,
      column: 1,
      severity: interruption.mergeConflict ? 'error' : 'warning',
      rule: interruption.mergeConflict ? 'merge-conflict-marker' : 'container-interrupted',
      message: interruption.mergeConflict
        ? `Leftover merge-conflict marker \`${interruption.text.slice(0, 20)}\` inside the ${describe(block)} opened at line ${block.line + 1}: resolve the conflict and delete the marker.`
        : `Unindented line inside the ${describe(block)} opened at line ${block.line + 1}; the body resumes after it. Indent it by ${block.indent + 4} spaces or end the container before it.`
    })
  }
  const node: ContainerDirective = {
    type: 'containerDirective',
    name: marker.kind,
    attributes,
    children: children as ContainerDirective['children'],
    position: {
      start: {line: block.line + 1, column, offset: first.offset + column - 1},
      end: {line: block.last + 1, column: last.text.length + 1, offset: last.offset + last.text.length}
    },
    data: {dialect: marker.kind, indent: block.indent, bodyIndent: block.indent + 4, interruptions: block.interruptions}
  }
  if (marker.kind === 'tab') {
    node.data!.group = (block.group ?? block.line) + 1
    node.data!.label = stripEmoji(marker.label ?? '')
  }
  return node
}

function describe(block: ContainerBlock): string {
  const marker = block.marker
  if (marker.kind === 'tab') return `tab "${marker.label ?? ''}"`
  return `${marker.kind === 'details' ? 'collapsible' : 'admonition'} "${marker.title ?? marker.type ?? ''}"`
}
