/**
 * Parse MkDocs-Material Markdown into mdast with remark: CommonMark, front
 * matter, `:::` directives and the pymdownx dialect (src/dialect), whose
 * containers become `containerDirective` nodes (`tab`, `admonition`,
 * `details`) in the original file's positions. What the author probably got
 * wrong becomes diagnostics on the root.
 */
import type {Nodes, Root, Text} from 'mdast'
import type {Diagnostic} from '../../diagnostic/index.js'
import {splitLines} from './lines.js'
import type {SourceLine} from './lines.js'
import {parseDialect} from './remark.js'
import {diagnoseTree} from './diagnose.js'
import './node-data.js'

export interface ParseOptions {
  /** Parse inline content (emphasis, links, code spans; default: true).
   * false leaves each paragraph and heading one raw text node: enough for
   * planning, which reads prose from the source. */
  inline?: boolean
  /** The text's lines as `splitLines` gives them, when the caller has
   * split it already (the planner does): not split twice. */
  lines?: SourceLine[]
}

/** Parse a chapter; never throws on bad input (problems go in `root.data.diagnostics`). */
export function parseMarkdown(text: string, file: string, options: ParseOptions = {}): Root {
  const lines = options.lines ?? splitLines(text)
  const tooDeep = tooDeeplyNested(lines)
  if (tooDeep !== undefined) return refused(text, file, tooDeep, lines.length)
  const inline = options.inline !== false
  const root = parseDialect(text, inline)
  // Both parses: the planning parse still reads heading text, where
  // `image:latest` would otherwise lose `:latest`.
  revertBareTextDirectives(root, text)
  if (text.includes('\r')) normalizeLineEndings(root)
  asPythonMarkdownReadsCode(root)
  const diagnostics: Diagnostic[] = diagnoseTree(root, lines, file)
  const binary = findBinary(text)
  if (binary !== undefined) {
    diagnostics.push({
      file,
      line: binary,
      column: 1,
      severity: 'warning',
      rule: 'binary-content',
      message: 'Control characters found: is this a text Markdown file? Check its encoding.'
    })
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)
  root.data = {...root.data, diagnostics}
  return root
}

/** micromark checks every open container on every line: thousands of
 * nested tabs would take minutes. No guide nests anywhere near this. */
export const maxNesting = 64

/** 1-based line of a container marker nested deeper than `maxNesting`, if any. */
function tooDeeplyNested(lines: SourceLine[]): number | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (line.indent < maxNesting * 4) continue
    const first = line.text.charCodeAt(line.lead)
    // A marker (`===`, `!!!`, `???`) that deep opens a container nested that deep.
    if ((first === 61 || first === 33 || first === 63) && /^(?:===|!!!|\?\?\?)/.test(line.text.slice(line.lead))) return index + 1
  }
  return undefined
}

/** The chapter is not parsed: an empty tree whose one diagnostic, an
 * error, says where and what to do (planning finds nothing, and a run
 * refuses the chapter rather than pass it empty). */
function refused(text: string, file: string, line: number, end: number): Root {
  return {
    type: 'root',
    children: [],
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: end, column: 1, offset: text.length}},
    data: {
      diagnostics: [
        {
          file,
          line,
          column: 1,
          severity: 'error',
          rule: 'nesting-too-deep',
          message: `tabs, admonitions or collapsibles nested more than ${maxNesting} levels deep: docs-verify reads at most ${maxNesting} levels (MkDocs renders far fewer legibly); nest them less deeply`
        }
      ]
    }
  }
}

/** 1-based line of the first control character, if any. */
function findBinary(text: string): number | undefined {
  // NUL and C0 controls other than tab/form feed/escape never occur in prose.
  const at = text.search(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/)
  if (at === -1) return undefined
  return splitLines(text.slice(0, at + 1)).length
}

/** Values keep the file's line endings; what comes out reads LF. */
function normalizeLineEndings(node: Nodes): void {
  if ('value' in node && typeof node.value === 'string') node.value = node.value.replace(/\r\n?/g, '\n')
  if ('children' in node) for (const child of node.children as Nodes[]) normalizeLineEndings(child)
}

/**
 * Python-Markdown normalizes whitespace before anything else: tabs expand
 * (stops of 4; container bodies start on stops too) and lines of only
 * spaces become empty. Code reaches the learner that way.
 */
function asPythonMarkdownReadsCode(node: Nodes): void {
  if (node.type === 'code') {
    node.value = node.value.replace(/^[ \t]+$/gm, '').replace(/^[ \t]*\t/gm, (lead) => {
      let width = 0
      for (const char of lead) width = char === '\t' ? width + 4 - (width % 4) : width + 1
      return ' '.repeat(width)
    })
  }
  if ('children' in node) for (const child of node.children as Nodes[]) asPythonMarkdownReadsCode(child)
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
