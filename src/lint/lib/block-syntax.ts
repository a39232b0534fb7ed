/** The line-level syntax of the MkDocs-Material dialect that decides where
 * containers and code blocks start and stop. Container markers are the
 * dialect's own (src/dialect). */
import {parseMarker} from '../../dialect/index.js'

export type ContainerKind = 'tab' | 'admonition' | 'collapsible'

export interface ContainerOpener {
  kind: ContainerKind
  /** `=== "Label"` label, or the admonition's type and title. */
  label: string
}

export interface FenceOpener {
  marker: string
  info: string
}

const fenceOpenPattern = /^[ \t]*(`{3,}|~{3,})(.*)$/
const headingPattern = /^[ \t]*#{1,6}(?:[ \t]|$)/
const listItemPattern = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/
const thematicBreakPattern = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const htmlBlockPattern = /^[ \t]*<(?:!--|\/?[A-Za-z])/

/** A `=== "Tab"`, `!!! type "Title"` or `??? type "Title"` line. */
export function matchContainerOpener(line: string): ContainerOpener | null {
  const marker = parseMarker(line.trimStart())
  if (!marker) return null
  if (marker.kind === 'tab') return {kind: 'tab', label: marker.label ?? ''}
  const type = [marker.type, ...(marker.classes ?? [])].filter(Boolean).join(' ')
  const title = marker.title
  const label = type === '' ? `"${title ?? ''}"` : title === undefined ? type : `${type} "${title}"`
  return {kind: marker.kind === 'admonition' ? 'admonition' : 'collapsible', label}
}

/** An opening code fence: three or more backticks or tildes. */
export function matchFenceOpener(line: string): FenceOpener | null {
  const match = fenceOpenPattern.exec(line)
  if (!match) return null
  const marker = match[1] ?? ''
  const info = (match[2] ?? '').trim()
  // CommonMark: a backtick fence's info string cannot contain a backtick, so
  // ```` ```x``` ```` on one line is inline code, not a fence.
  if (marker.startsWith('`') && info.includes('`')) return null
  return {marker, info}
}

/** Whether a line closes a fence opened with `marker`. */
export function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trim()
  const char = marker[0] ?? '`'
  if (trimmed.length < marker.length) return false
  for (const c of trimmed) if (c !== char) return false
  return true
}

/** Lines that begin a new block of their own (a heading, a list item, a new
 * container, a fence, HTML, a rule): indented lines after them belong to
 * them, not to a container the line happened to interrupt. */
export function isStructural(line: string): boolean {
  return (
    matchContainerOpener(line) !== null ||
    matchFenceOpener(line) !== null ||
    headingPattern.test(line) ||
    listItemPattern.test(line) ||
    thematicBreakPattern.test(line) ||
    htmlBlockPattern.test(line)
  )
}

/** Reads `key="value"` (or `key=value`) from a fence info string. */
export function fenceAttribute(info: string, key: string): {value: string; offset: number} | null {
  const pattern = new RegExp(`(?:^|[\\s{])${key}=(?:"([^"]*)"|'([^']*)'|([^\\s}]+))`)
  const match = pattern.exec(info)
  if (!match) return null
  const value = match[1] ?? match[2] ?? match[3] ?? ''
  const offset = match.index + match[0].indexOf(key)
  return {value, offset}
}

/** The fence language: the first word of the info string unless it is an
 * attribute (`title="..."`) or an attribute list (`{ .sh }`). */
export function fenceLanguage(info: string): string | undefined {
  const first = /^\{?\s*\.?([\w+#-]+)(?=\s|$|\})/.exec(info)
  if (!first || info.startsWith('title=')) return undefined
  const word = first[1] ?? ''
  return word.includes('=') ? undefined : word
}
