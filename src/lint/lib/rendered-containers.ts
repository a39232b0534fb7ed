import {
  closesFence,
  fenceAttribute,
  fenceLanguage,
  isStructural,
  matchContainerOpener,
  matchFenceOpener
} from './block-syntax.js'
import type {ContainerKind} from './block-syntax.js'
import {hasLeadingTab, indentOf, isBlank, splitLines} from './source-lines.js'

/**
 * A fence-aware line scanner that holds two views of a chapter at once: the
 * author's (a container lasts while its indented body does) and the site's
 * (Python-Markdown ends a container body at the first non-blank line indented
 * less than the body). Lint rules compare the two. Lines are 1-based.
 */

export interface Container {
  kind: ContainerKind
  label: string
  line: number
  indent: number
  /** Indentation of the body: the opener's plus 4, or what the author used. */
  bodyIndent: number
  /** Last non-blank line of the body as the author meant it. */
  endLine: number
  /** First line that ends the body as the site renders it, when that comes
   * before the author's end. */
  renderedEnd?: number
  parent: Container | null
}

export interface Fence {
  line: number
  column: number
  indent: number
  marker: string
  info: string
  lang?: string
  title?: string
  /** `hl_lines` value and its 1-based column in the file. */
  hlLines?: {value: string; column: number}
  /** Line of the closing fence; null when the fence is never closed. */
  closeLine: number | null
  /** Content lines with the fence's indentation removed. */
  body: {line: number; text: string}[]
  container: Container | null
  /** First line that breaks the fence as the site renders it. */
  cutAt?: number
}

export type LineRole = 'blank' | 'prose' | 'fence-open' | 'fence-body' | 'fence-close' | 'front-matter'

export interface LineInfo {
  role: LineRole
  /** Inside a code block as the site renders it (markers there are shown, not
   * leftovers). */
  inRenderedFence: boolean
}

/** A line that ends containers early while their indented body goes on. */
export interface EarlyEnd {
  line: number
  /** Innermost first. */
  containers: Container[]
}

export interface IndentIssue {
  line: number
  column: number
  container: Container
  problem: 'shallow' | 'tab'
  indent: number
}

export interface UnclosedFence {
  fence: Fence
  /** The line that ended its container first, or null at end of file. */
  endedBy: number | null
}

export interface RenderedLayout {
  lines: string[]
  info: LineInfo[]
  containers: Container[]
  fences: Fence[]
  earlyEnds: EarlyEnd[]
  indentIssues: IndentIssue[]
  unclosedFences: UnclosedFence[]
}

// A run of stray lines longer than this is not an interruption but the end.
const lookaheadLimit = 1000

interface OpenContainer {
  container: Container
  awaitingBody: boolean
  tabReported: boolean
}

/** Scans a chapter into containers, fences and the places where the site's
 * rendering departs from the author's indentation. */
export function scanRendered(text: string): RenderedLayout {
  const lines = splitLines(text)
  const info: LineInfo[] = lines.map(() => ({role: 'prose', inRenderedFence: false}))
  const layout: RenderedLayout = {
    lines,
    info,
    containers: [],
    fences: [],
    earlyEnds: [],
    indentIssues: [],
    unclosedFences: []
  }
  const stack: OpenContainer[] = []
  let fence: Fence | null = null
  let lastNonBlank = 0
  const start = skipFrontMatter(lines, info)

  const closeWhere = (keep: (c: Container) => boolean): void => {
    while (stack.length > 0) {
      const top = stack.at(-1)
      if (!top || keep(top.container)) break
      top.container.endLine = Math.max(top.container.line, lastNonBlank)
      stack.pop()
    }
  }

  for (let index = start; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const number = index + 1
    const lineInfo = info[index] ?? {role: 'prose', inRenderedFence: false}
    info[index] = lineInfo

    if (fence) {
      if (closesFence(line, fence.marker)) {
        fence.closeLine = number
        lineInfo.role = 'fence-close'
        lineInfo.inRenderedFence = fence.cutAt === undefined
        fence = null
        lastNonBlank = number
        continue
      }
      if (isBlank(line)) {
        lineInfo.role = 'fence-body'
        lineInfo.inRenderedFence = fence.cutAt === undefined
        fence.body.push({line: number, text: ''})
        continue
      }
      const indent = indentOf(line)
      if (indent >= fence.indent || !isStructuralBreak(line)) {
        lineInfo.role = 'fence-body'
        if (indent < fence.indent) {
          // The site drops the fence and every container this line is
          // shallower than; the author's fence goes on.
          fence.cutAt ??= number
          const broken = stack
            .map((open) => open.container)
            .filter((c) => c.bodyIndent > indent && c.renderedEnd === undefined)
          for (const c of broken) c.renderedEnd = number
          if (broken.length > 0) layout.earlyEnds.push({line: number, containers: broken.reverse()})
        }
        lineInfo.inRenderedFence = fence.cutAt === undefined
        fence.body.push({line: number, text: stripIndent(line, fence.indent)})
        lastNonBlank = number
        continue
      }
      // A heading or a new container at a shallower indent: the fence was
      // never closed inside its container.
      layout.unclosedFences.push({fence, endedBy: number})
      fence = null
    }

    if (isBlank(line)) {
      lineInfo.role = 'blank'
      continue
    }
    const indent = indentOf(line)

    const top = stack.at(-1)
    if (top?.awaitingBody) {
      top.awaitingBody = false
      const c = top.container
      if (indent <= c.indent) {
        // An opener with no body at all (`!!! note "Title"` alone): it ends
        // here as written.
        c.endLine = c.line
        stack.pop()
      } else if (indent < c.bodyIndent) {
        layout.indentIssues.push({line: number, column: 1, container: c, problem: 'shallow', indent: indent - c.indent})
        // The site shows an empty container and the body after it; follow
        // the author's indentation from here so the body is not reported
        // again line by line.
        c.renderedEnd = number
        c.bodyIndent = indent
      }
    }

    const shallower = stack.filter((open) => open.container.bodyIndent > indent)
    if (shallower.length > 0) {
      const smallest = Math.min(...shallower.map((open) => open.container.bodyIndent))
      const resumeIndent = isStructural(line) ? null : resumption(lines, index, smallest)
      if (resumeIndent === null) {
        closeWhere((c) => c.bodyIndent <= indent)
      } else {
        closeWhere((c) => c.bodyIndent <= resumeIndent)
        const broken = stack
          .map((open) => open.container)
          .filter((c) => c.bodyIndent > indent && c.renderedEnd === undefined)
        for (const c of broken) c.renderedEnd = number
        if (broken.length > 0) layout.earlyEnds.push({line: number, containers: broken.reverse()})
        lineInfo.role = 'prose'
        lastNonBlank = number
        continue
      }
    }

    const current = stack.at(-1)
    if (current && hasLeadingTab(line) && !current.tabReported) {
      current.tabReported = true
      layout.indentIssues.push({line: number, column: 1, container: current.container, problem: 'tab', indent})
    }

    const opener = matchContainerOpener(line)
    const fenceOpener = opener ? null : matchFenceOpener(line)
    if (opener) {
      const container: Container = {
        kind: opener.kind,
        label: opener.label,
        line: number,
        indent,
        bodyIndent: indent + 4,
        endLine: number,
        parent: current?.container ?? null
      }
      layout.containers.push(container)
      stack.push({container, awaitingBody: true, tabReported: false})
      lineInfo.role = 'prose'
    } else if (fenceOpener) {
      const column = line.length - line.trimStart().length + 1
      const hl = fenceAttribute(fenceOpener.info, 'hl_lines')
      const title = fenceAttribute(fenceOpener.info, 'title')
      const lang = fenceLanguage(fenceOpener.info)
      fence = {
        line: number,
        column,
        indent,
        marker: fenceOpener.marker,
        info: fenceOpener.info,
        closeLine: null,
        body: [],
        container: current?.container ?? null
      }
      if (lang !== undefined) fence.lang = lang
      if (title) fence.title = title.value
      if (hl) {
        const infoColumn = line.indexOf(fenceOpener.info) + 1
        fence.hlLines = {value: hl.value, column: infoColumn + hl.offset}
      }
      layout.fences.push(fence)
      lineInfo.role = 'fence-open'
      lineInfo.inRenderedFence = true
    } else {
      lineInfo.role = 'prose'
    }
    lastNonBlank = number
  }

  if (fence) layout.unclosedFences.push({fence, endedBy: null})
  closeWhere(() => false)
  return layout
}

/** Lines that close an unfinished fence of a deeper container instead of
 * interrupting it. */
function isStructuralBreak(line: string): boolean {
  return matchContainerOpener(line) !== null || /^[ \t]*#{1,6}[ \t]/.test(line)
}

/** After a line shallower than a container body: the indentation of the next
 * line that goes back into a body (at least `bodyIndent`), skipping blank
 * lines and other stray lines; null when the containers just end there. */
function resumption(lines: string[], index: number, bodyIndent: number): number | null {
  const stop = Math.min(lines.length, index + 1 + lookaheadLimit)
  for (let next = index + 1; next < stop; next++) {
    const line = lines[next] ?? ''
    if (isBlank(line)) continue
    const indent = indentOf(line)
    if (indent >= bodyIndent) return indent
    if (isStructural(line)) return null
  }
  return null
}

/** YAML front matter is data, not Markdown. Returns the first Markdown line. */
function skipFrontMatter(lines: string[], info: LineInfo[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0
  for (let index = 1; index < lines.length; index++) {
    const line = (lines[index] ?? '').trimEnd()
    if (line === '---' || line === '...') {
      for (let i = 0; i <= index; i++) info[i] = {role: 'front-matter', inRenderedFence: false}
      return index + 1
    }
  }
  return 0
}

function stripIndent(line: string, indent: number): string {
  let removed = 0
  let offset = 0
  while (offset < line.length && removed < indent) {
    const char = line[offset]
    if (char === ' ') removed++
    else if (char === '\t') removed += 4 - (removed % 4)
    else break
    offset++
  }
  return line.slice(offset)
}
