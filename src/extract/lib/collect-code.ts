/**
 * Walk the dialect tree in document order and collect every fenced code
 * block with what surrounds it: headings, enclosing containers and tabs,
 * and the prose before it in the same container.
 */
import type {Code, Heading, Nodes, Paragraph, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import {plainInline} from './plain-inline.js'
import './node-data.js'

export interface Prose {
  /** The paragraph as written (inline code backticks kept), whitespace folded. */
  text: string
  /** The paragraph as written, line breaks kept. */
  raw: string
  line: number
}

export interface TabRef {
  /** Label without emoji shortcodes. */
  label: string
  /** Group id (1-based line of the group's first tab). */
  group: number
  line: number
}

export interface CodeContext {
  node: Code
  headings: string[]
  /** Enclosing containers, outermost first. */
  containers: ContainerDirective[]
  tabs: TabRef[]
  /** The paragraph right before the block (nothing but comments between). */
  prose?: Prose
  /** The last paragraph before the block, admonitions in between allowed. */
  leadIn?: Prose
  /** Paragraphs since the previous block or heading, in order. */
  section: Prose[]
  /** The code block right before this one in the same container, with
   * nothing but blank lines or comments between. */
  previous?: Code
  /** Paragraphs of the same container since the last heading, before this block. */
  since: Prose[]
}

export interface TabGroup {
  id: number
  tabs: TabRef[]
}

export interface Collected {
  codes: CodeContext[]
  groups: TabGroup[]
  title?: string
  /** Every paragraph of the chapter, in document order. */
  paragraphs: Prose[]
}

interface Scope {
  containers: ContainerDirective[]
  tabs: TabRef[]
}

/** Collect code blocks and tab groups of a parsed chapter. */
export function collectCode(root: Root, source: string): Collected {
  const collected: Collected = {codes: [], groups: [], paragraphs: []}
  const headings: (string | undefined)[] = []
  const groups = new Map<number, TabGroup>()

  const visit = (parent: Nodes, scope: Scope): void => {
    if (!('children' in parent)) return
    let section: Prose[] = []
    let since: Prose[] = []
    let prose: Prose | undefined
    let leadIn: Prose | undefined
    let previous: Code | undefined
    for (const child of parent.children as Nodes[]) {
      switch (child.type) {
        case 'heading': {
          setHeading(headings, child, collected)
          section = []
          since = []
          prose = leadIn = previous = undefined
          break
        }
        case 'paragraph': {
          const paragraph = readProse(child, source)
          section.push(paragraph)
          since.push(paragraph)
          collected.paragraphs.push(paragraph)
          prose = leadIn = paragraph
          previous = undefined
          break
        }
        case 'html':
        case 'definition':
        case 'yaml':
          break
        case 'code': {
          const context: CodeContext = {
            node: child,
            headings: headings.filter((heading): heading is string => heading !== undefined),
            containers: scope.containers,
            tabs: scope.tabs,
            section,
            since: [...since]
          }
          if (prose) context.prose = prose
          if (leadIn) context.leadIn = leadIn
          if (previous) context.previous = previous
          collected.codes.push(context)
          section = []
          prose = leadIn = undefined
          previous = child
          break
        }
        case 'containerDirective': {
          const inner: Scope = {containers: [...scope.containers, child], tabs: scope.tabs}
          if (child.data?.dialect === 'tab') {
            const tab: TabRef = {label: child.data.label ?? '', group: child.data.group ?? 0, line: child.position?.start.line ?? 0}
            inner.tabs = [...scope.tabs, tab]
            let group = groups.get(tab.group)
            if (!group) {
              group = {id: tab.group, tabs: []}
              groups.set(tab.group, group)
              collected.groups.push(group)
            }
            group.tabs.push(tab)
            section = []
            leadIn = undefined
          }
          visit(child, inner)
          prose = previous = undefined
          break
        }
        default: {
          if ('children' in child) visit(child, scope)
          prose = leadIn = previous = undefined
        }
      }
    }
  }
  visit(root, {containers: [], tabs: []})
  return collected
}

function setHeading(headings: (string | undefined)[], heading: Heading, collected: Collected): void {
  const text = plainInline(toString(heading))
  headings[heading.depth - 1] = text
  headings.length = heading.depth
  if (heading.depth === 1 && collected.title === undefined) collected.title = text
}

function readProse(paragraph: Paragraph, source: string): Prose {
  const start = paragraph.position?.start.offset
  const end = paragraph.position?.end.offset
  const raw = start !== undefined && end !== undefined ? source.slice(start, end) : toString(paragraph)
  return {text: raw.replace(/\s+/g, ' ').trim(), raw, line: paragraph.position?.start.line ?? 0}
}
