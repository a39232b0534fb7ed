/**
 * A fast reader for the common shape of `mkdocs.yml`: block mappings and
 * sequences of plain or quoted scalars, comments, and (outside the nav)
 * tags, one-line flow collections and block scalars whose values are never
 * needed. Loading and running the full `yaml` parser was a fifth of a cold
 * `--dry-run` (issue 10).
 *
 * It never guesses: any line it does not fully understand (anchors,
 * aliases, escapes, multi-line scalars, tabs, odd indentation, a nav value
 * that is not a plain string, a duplicate top-level key, ...) makes it
 * answer `undefined`, and the caller uses the full parser, which also
 * reports broken YAML with its line. Where it answers, the answer is the
 * full parser's (test/guide/skim-mkdocs-nav.test.ts compares them on real
 * and mutated files).
 */
import type {NavConfig} from './read-nav.js'
import type {NavPage} from './types.js'

type SkimNode =
  | {kind: 'map'; pairs: SkimPair[]}
  | {kind: 'seq'; items: SkimNode[]}
  | {kind: 'scalar'; value: string; isString: boolean; line: number}
  /** A tagged value, a flow collection, a block scalar or an empty value:
   * checked for shape, not read. */
  | {kind: 'unread'}

interface SkimPair {
  key: string
  keyIsString: boolean
  line: number
  value: SkimNode
}

interface Line {
  /** 1-based. */
  number: number
  indent: number
  /** The line without its indentation. */
  content: string
}

/** Thrown inside the skimmer when the text leaves the understood subset. */
class NotSure extends Error {}

const unread: SkimNode = {kind: 'unread'}

/** Characters YAML gives a meaning at the start of a plain scalar. */
const indicators = new Set([...'-?:,[]{}#&*!|>\'"%@`'])

/** Line breaks and controls YAML treats specially (or rejects). */
const unusualCharacters = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/

/**
 * Plain scalars YAML 1.2's core schema reads as null, a boolean or a
 * number (a superset: anything starting like a number counts).
 */
const notAString = /^(?:[-+]?\.?[0-9]|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$|~$|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/

/** The nav and docs_dir of `mkdocs.yml`, or undefined when only the full
 * YAML parser can be sure. */
export function skimMkdocsNav(text: string): NavConfig | undefined {
  try {
    return readNav(parseTopLevel(text))
  } catch (error) {
    if (error instanceof NotSure) return undefined
    throw error
  }
}

function readNav(top: SkimPair[]): NavConfig {
  const seen = new Set<string>()
  for (const pair of top) {
    if (!pair.keyIsString || seen.has(pair.key)) throw new NotSure()
    seen.add(pair.key)
  }
  const docsDir = top.find((pair) => pair.key === 'docs_dir')?.value
  if (docsDir && (docsDir.kind !== 'scalar' || !docsDir.isString)) throw new NotSure()
  const config: NavConfig = {docsDir: docsDir?.value ?? 'docs'}
  const nav = top.find((pair) => pair.key === 'nav')?.value
  if (!nav) return config
  const pages: NavPage[] = []
  const walk = (node: SkimNode, section: string[], title?: string, line?: number): void => {
    if (node.kind === 'seq') {
      for (const item of node.items) walk(item, section)
    } else if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (!pair.keyIsString) throw new NotSure()
        if (pair.value.kind === 'seq') walk(pair.value, [...section, pair.key])
        else walk(pair.value, section, pair.key, pair.line)
      }
    } else if (node.kind === 'scalar' && node.isString) {
      const page: NavPage = {path: node.value, section}
      if (title !== undefined) page.title = title
      page.line = line ?? node.line
      pages.push(page)
    } else {
      throw new NotSure()
    }
  }
  walk(nav, [])
  config.pages = pages
  return config
}

function parseTopLevel(text: string): SkimPair[] {
  const raw = text.split('\n')
  if (raw.at(-1) === '') raw.pop()
  const lines: Line[] = raw.map((line, index) => {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line
    if (unusualCharacters.test(content)) throw new NotSure()
    const trimmed = content.trimStart()
    return {number: index + 1, indent: content.length - trimmed.length, content: trimmed}
  })
  const reader = new Reader(lines)
  const first = reader.peek()
  if (!first) throw new NotSure()
  if (first.indent !== 0) throw new NotSure()
  const top = reader.mapping(0)
  if (reader.peek()) throw new NotSure()
  return top.pairs
}

class Reader {
  private next = 0

  constructor(private readonly lines: readonly Line[]) {}

  /** The next line that is neither blank nor only a comment. */
  peek(): Line | undefined {
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!
      if (line.content !== '' && !line.content.startsWith('#')) return line
      this.next++
    }
    return undefined
  }

  private take(): Line {
    return this.lines[this.next++]!
  }

  /** A block mapping whose keys sit at `indent`; `first` is a key already
   * read off a sequence entry's line (`- key: value`). */
  mapping(indent: number, first?: {content: string; number: number}): {kind: 'map'; pairs: SkimPair[]} {
    const pairs: SkimPair[] = []
    if (first) pairs.push(this.pair(first.content, first.number, indent))
    for (;;) {
      const line = this.peek()
      if (!line || line.indent < indent) break
      if (line.indent > indent) throw new NotSure()
      if (isEntry(line.content)) {
        // Only a key's compact sequence may sit at the key's indentation,
        // and pair() took it.
        throw new NotSure()
      }
      this.take()
      pairs.push(this.pair(line.content, line.number, indent))
    }
    return {kind: 'map', pairs}
  }

  private pair(content: string, number: number, indent: number): SkimPair {
    const key = splitKey(content)
    if (!key) throw new NotSure()
    const inline = this.inlineValue(key.rest, number, indent)
    if (inline) return {key: key.key, keyIsString: key.isString, line: number, value: inline}
    const next = this.peek()
    let value: SkimNode = unread
    if (next && next.indent > indent) value = this.block(next.indent)
    else if (next && next.indent === indent && isEntry(next.content)) value = this.sequence(indent)
    return {key: key.key, keyIsString: key.isString, line: number, value}
  }

  private block(indent: number): SkimNode {
    const line = this.peek()!
    if (isEntry(line.content)) return this.sequence(indent)
    if (splitKey(line.content)) return this.mapping(indent)
    throw new NotSure()
  }

  private sequence(indent: number): SkimNode {
    const items: SkimNode[] = []
    for (;;) {
      const line = this.peek()
      if (!line || line.indent < indent) break
      if (line.indent > indent) throw new NotSure()
      if (!isEntry(line.content)) break
      this.take()
      const after = line.content.slice(1)
      const item = after.trimStart()
      if (item === '' || item.startsWith('#')) {
        const next = this.peek()
        items.push(next && next.indent > indent ? this.block(next.indent) : unread)
        continue
      }
      if (isEntry(item)) throw new NotSure()
      const itemIndent = indent + 1 + (after.length - item.length)
      if (splitKey(item)) {
        items.push(this.mapping(itemIndent, {content: item, number: line.number}))
        continue
      }
      items.push(this.inlineValue(after, line.number, indent) ?? unread)
    }
    return {kind: 'seq', items}
  }

  /** The value written on a key's or entry's own line; undefined when the
   * line ends there (the value, if any, is on the lines below). */
  private inlineValue(text: string, number: number, indent: number): SkimNode | undefined {
    const value = text.trimStart()
    if (value === '' || value.startsWith('#')) return undefined
    if (text.length === value.length) throw new NotSure()
    const first = value[0]!
    if (first === '"' || first === "'") {
      const quoted = readQuoted(value)
      if (!endsCleanly(value.slice(quoted.end))) throw new NotSure()
      return {kind: 'scalar', value: quoted.value, isString: true, line: number}
    }
    if (first === '|' || first === '>') {
      if (!/^[|>][+-]?(?:\s+#.*)?$/.test(value)) throw new NotSure()
      this.skipBlockScalar(indent)
      return unread
    }
    if (first === '!') {
      const tag = /^!!?[A-Za-z0-9_./:-]+/.exec(value)?.[0]
      const rest = tag === undefined ? '' : value.slice(tag.length)
      if (tag === undefined || (rest !== '' && !/^\s/.test(rest))) throw new NotSure()
      // Alone on its line, a tag may tag the block below: the caller's
      // indentation check refuses that (a deeper line it did not take).
      this.inlineValue(rest, number, indent)
      return unread
    }
    if (first === '[' || first === '{') {
      checkFlowCollection(value)
      return unread
    }
    if (indicators.has(first)) throw new NotSure()
    const plain = value.replace(/\s#.*$/, '').trimEnd()
    if (plain.includes(': ') || plain.endsWith(':') || plain.length > 1000) throw new NotSure()
    return {kind: 'scalar', value: plain, isString: !notAString.test(plain), line: number}
  }

  /** Lines of a `|` or `>` scalar owned by a node at `indent`. */
  private skipBlockScalar(indent: number): void {
    let contentIndent: number | undefined
    let longestLeadingBlank = 0
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!
      if (line.content === '') {
        if (contentIndent === undefined) longestLeadingBlank = Math.max(longestLeadingBlank, line.indent)
        this.next++
        continue
      }
      if (contentIndent === undefined) {
        if (line.indent <= indent) return
        if (longestLeadingBlank > line.indent) throw new NotSure()
        contentIndent = line.indent
      }
      if (line.indent >= contentIndent) {
        this.next++
        continue
      }
      if (line.indent > indent) throw new NotSure()
      return
    }
  }
}

function isEntry(content: string): boolean {
  return content === '-' || content.startsWith('- ')
}

/** `key: rest` or `key:` with a plain or quoted key; undefined when the
 * line is not a key line. */
function splitKey(content: string): {key: string; isString: boolean; rest: string} | undefined {
  const first = content[0]
  if (first === '"' || first === "'") {
    const quoted = readQuoted(content)
    const after = content.slice(quoted.end)
    if (after === ':' || after.startsWith(': ')) return {key: quoted.value, isString: true, rest: after.slice(1)}
    if (/^\s*:/.test(after)) throw new NotSure()
    return undefined
  }
  const colon = /:(?: |$)/.exec(content)
  if (!colon) return undefined
  const key = content.slice(0, colon.index)
  if (key === '' || indicators.has(key[0]!) || /\s$/.test(key) || /\s#/.test(key) || key.length > 1000) throw new NotSure()
  return {key, isString: !notAString.test(key), rest: content.slice(colon.index + 1)}
}

/** A quoted scalar closed on this line, without escapes. */
function readQuoted(text: string): {value: string; end: number} {
  const quote = text[0]!
  if (quote === '"') {
    const close = text.indexOf('"', 1)
    if (close < 0 || text.slice(1, close).includes('\\')) throw new NotSure()
    return {value: text.slice(1, close), end: close + 1}
  }
  let value = ''
  let at = 1
  for (;;) {
    const close = text.indexOf("'", at)
    if (close < 0) throw new NotSure()
    value += text.slice(at, close)
    if (text[close + 1] !== "'") return {value, end: close + 1}
    value += "'"
    at = close + 2
  }
}

/** Nothing, or a comment, after a value. */
function endsCleanly(rest: string): boolean {
  return rest.trim() === '' || /^\s+#/.test(rest)
}

/** `[a, "b"]` or `{k: v}` closed on its line and ending cleanly: its
 * syntax is checked, its values are not read (only MkDocs reads them). */
function checkFlowCollection(text: string): void {
  const end = flowCollection(text, 0)
  if (!endsCleanly(text.slice(end))) throw new NotSure()
}

/** Plain scalars inside a flow collection: a safe first character, then
 * no flow indicator, no comment and no `: `. */
const flowPlain = /^[A-Za-z0-9_./~$][^,[\]{}#:]*(?::[^\s,[\]{}#:][^,[\]{}#:]*)*/

/** Where the collection opening at `at` ends (just past its bracket). */
function flowCollection(text: string, at: number): number {
  const close = text[at] === '[' ? ']' : '}'
  at = skipSpaces(text, at + 1)
  if (text[at] === close) return at + 1
  for (;;) {
    at = skipSpaces(text, flowNode(text, at))
    if (close === '}') {
      if (text[at] !== ':' || text[at + 1] !== ' ') throw new NotSure()
      at = skipSpaces(text, flowNode(text, skipSpaces(text, at + 1)))
    }
    if (text[at] === close) return at + 1
    if (text[at] !== ',') throw new NotSure()
    at = skipSpaces(text, at + 1)
  }
}

/** Where the scalar or collection starting at `at` ends. */
function flowNode(text: string, at: number): number {
  const first = text[at]
  if (first === '[' || first === '{') return flowCollection(text, at)
  if (first === '"' || first === "'") return at + readQuoted(text.slice(at)).end
  const plain = flowPlain.exec(text.slice(at))?.[0].trimEnd()
  if (!plain) throw new NotSure()
  return at + plain.length
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++
  return at
}
