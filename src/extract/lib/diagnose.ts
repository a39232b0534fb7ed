/**
 * What a parsed chapter says about mistakes its author probably made:
 * fences never closed, container bodies indented by 1-3 spaces, and lines
 * that interrupt a body which then resumes (leftover merge-conflict
 * markers). Read from the mdast and the source lines, after parsing. An
 * unclosed fence in a container ends, like the body, at its last non-blank
 * line (micromark runs it up to the next block); at the top level it runs to
 * the end of the file.
 */
import type {Code, Nodes, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {Diagnostic} from '../../diagnostic/index.js'
import type {SourceLine} from './lines.js'
import './node-data.js'

/** Diagnostics of a chapter's tree, in no particular order. */
export function diagnoseTree(root: Root, lines: SourceLine[], file: string): Diagnostic[] {
  const found: Diagnostic[] = []
  const visit = (node: Nodes, inContainer: boolean): void => {
    if (node.type === 'code') {
      const unclosed = unclosedFence(node, lines, file, inContainer)
      if (unclosed) {
        found.push(unclosed)
        if (inContainer) endAtLastContent(node, lines)
      }
    }
    if ('children' in node) {
      const inner = inContainer || node.type === 'containerDirective' || node.type === 'listItem' || node.type === 'blockquote'
      for (const child of node.children as Nodes[]) visit(child, inner)
    }
    if (node.type === 'containerDirective' && node.data?.dialect !== undefined) {
      const last = node.children[node.children.length - 1]
      if (last?.position && node.position) node.position.end = {...last.position.end}
      found.push(...containerProblems(node, lines, file))
    }
  }
  visit(root, false)
  return found
}

function unclosedFence(node: Code, lines: SourceLine[], file: string, inContainer: boolean): Diagnostic | undefined {
  const start = node.position?.start
  const end = node.position?.end
  if (!start || !end) return undefined
  const opening = /^(`{3,}|~{3,})/.exec(lines[start.line - 1]!.text.slice(start.column - 1))
  if (!opening) return undefined
  const fence = opening[1]!
  const closing = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(lines[end.line - 1]!.text)
  if (end.line > start.line && closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length) return undefined
  return {
    file,
    line: start.line,
    column: start.column,
    severity: 'warning',
    rule: 'unclosed-fence',
    message: `Code fence opened here is never closed: everything up to ${inContainer ? 'the end of its container' : 'the end of the file'} becomes code. Add a closing ${fence[0]!.repeat(fence.length)}.`
  }
}

/** Trailing blank lines of an unclosed fence are the body's, not the code's. */
function endAtLastContent(node: Code, lines: SourceLine[]): void {
  const position = node.position!
  let last = position.end.line
  if (position.end.column === 1) last--
  while (last > position.start.line && lines[last - 1]!.blank) last--
  const line = lines[last - 1]!
  position.end = {line: last, column: line.text.length + 1, offset: line.offset + line.text.length}
  node.value = node.value.replace(/(?:\n[ \t]*)+$/, '')
}

function containerProblems(node: ContainerDirective, lines: SourceLine[], file: string): Diagnostic[] {
  const found: Diagnostic[] = []
  const line = node.position?.start.line ?? 1
  const indent = lines[line - 1]!.indent
  for (const interruption of node.data?.interruptions ?? []) {
    found.push({
      file,
      line: interruption.line,
      column: 1,
      severity: interruption.mergeConflict ? 'error' : 'warning',
      rule: interruption.mergeConflict ? 'merge-conflict-marker' : 'container-interrupted',
      message: interruption.mergeConflict
        ? `Leftover merge-conflict marker \`${interruption.text.slice(0, 20)}\` inside the ${describe(node)} opened at line ${line}: resolve the conflict and delete the marker.`
        : `Unindented line inside the ${describe(node)} opened at line ${line}; the body resumes after it. Indent it by ${indent + 4} spaces or end the container before it.`
    })
  }
  if (node.children.length === 0) {
    // An empty container followed by a body indented by 1-3 spaces: a typo.
    let next = line
    while (next < lines.length && lines[next]!.blank) next++
    const body = lines[next]
    if (body && body.indent > indent && body.indent < indent + 4) {
      found.push({
        file,
        line: next + 1,
        column: body.lead + 1,
        severity: 'warning',
        rule: 'container-bad-indentation',
        message: `This line is indented by ${body.indent - indent} space(s) under the container at line ${line}, which needs ${indent + 4}: the container is empty and the line is outside it. Indent its body by 4 spaces.`
      })
    }
  }
  return found
}

function describe(node: ContainerDirective): string {
  const attributes = node.attributes ?? {}
  if (node.data?.dialect === 'tab') return `tab "${attributes.label ?? ''}"`
  return `${node.data?.dialect === 'details' ? 'collapsible' : 'admonition'} "${attributes.title ?? attributes.type ?? ''}"`
}
