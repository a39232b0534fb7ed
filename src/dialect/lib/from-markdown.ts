/**
 * The mdast-util-from-markdown extension: dialect containers become
 * `containerDirective` nodes named `tab`, `admonition` or `details` (the
 * node remark-directive gives `:::` containers), with the marker's
 * attributes and, in `data`, what the site's rendering depends on.
 */
import type {Parents} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {CompileContext, Extension, Handle, Token} from 'mdast-util-from-markdown'
import type {Point} from 'unist'
import {stripEmojiShortcodes} from './emoji.js'
import {isMergeConflictMarker, parseMarker} from './marker.js'
import type {ContainerKind, ContainerMarker} from './marker.js'
import './types.js'

/** Where each node's marker line ends: an empty body ends there. */
const markerEnds = new WeakMap<ContainerDirective, Point>()

/** Build mdast from the tokens of `mkdocsDialect()`. */
export function mkdocsDialectFromMarkdown(): Extension {
  return {
    enter: {
      mkdocsTab: enterContainer('tab'),
      mkdocsAdmonition: enterContainer('admonition'),
      mkdocsDetails: enterContainer('details')
    },
    exit: {
      mkdocsContainerMarker: exitMarker,
      mkdocsTab: exitContainer,
      mkdocsAdmonition: exitContainer,
      mkdocsDetails: exitContainer,
      mkdocsInterruption: exitInterruption
    }
  }
}

function enterContainer(kind: ContainerKind): Handle {
  return function (this: CompileContext, token: Token): undefined {
    const node: ContainerDirective = {type: 'containerDirective', name: kind, attributes: {}, children: [], data: {dialect: kind, interruptions: []}}
    this.enter(node, token)
  }
}

function exitMarker(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as ContainerDirective
  // The tokenizer accepted the line only if it parses.
  const marker = parseMarker(this.sliceSerialize(token))!
  node.attributes = attributesOf(marker)
  markerEnds.set(node, {line: token.end.line, column: token.end.column, offset: token.end.offset})
  if (marker.kind !== 'tab') return
  // Tabs right after one another form a group, unless `===!` starts one.
  const parent = this.stack[this.stack.length - 2] as Parents
  const previous = parent.children[parent.children.length - 2]
  const line = token.start.line
  const joins = !marker.newGroup && previous?.type === 'containerDirective' && previous.data?.dialect === 'tab'
  node.data!.group = joins ? (previous.data?.group ?? line) : line
  node.data!.label = stripEmojiShortcodes(marker.label ?? '')
}

function attributesOf(marker: ContainerMarker): Record<string, string> {
  const attributes: Record<string, string> = {}
  if (marker.kind === 'tab') {
    attributes.label = marker.label ?? ''
    if (marker.selected) attributes.selected = 'true'
    if (marker.newGroup) attributes.newGroup = 'true'
    return attributes
  }
  attributes.type = marker.type ?? 'note'
  if (marker.classes && marker.classes.length > 0) attributes.class = marker.classes.join(' ')
  if (marker.title !== undefined) attributes.title = marker.title
  if (marker.kind === 'details') attributes.open = marker.open ? 'true' : 'false'
  return attributes
}

function exitContainer(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as ContainerDirective
  this.exit(token)
  // micromark ends a container where the next block starts; the node ends
  // with its last content, as the body does.
  const last = node.children[node.children.length - 1]
  const end = last?.position?.end ?? markerEnds.get(node)
  if (end && node.position) node.position.end = {...end}
  const start = node.position?.start.line ?? 0
  const until = node.position?.end.line ?? 0
  // Inner containers exit first: each interruption goes to the innermost
  // body that resumed after it.
  const pending = this.data.mkdocsInterruptions ?? []
  node.data!.interruptions = pending.filter((interruption) => interruption.line > start && interruption.line < until)
  this.data.mkdocsInterruptions = pending.filter((interruption) => !(interruption.line > start && interruption.line < until))
}

function exitInterruption(this: CompileContext, token: Token): undefined {
  const text = this.sliceSerialize(token)
  ;(this.data.mkdocsInterruptions ??= []).push({line: token.start.line, text, mergeConflict: isMergeConflictMarker(text)})
}
