/**
 * Opening lines of pymdownx containers: content tabs (`=== "Label"`),
 * admonitions (`!!! type "Title"`) and collapsibles (`??? type "Title"`).
 */
export type ContainerKind = 'tab' | 'admonition' | 'details'

export interface ContainerMarker {
  kind: ContainerKind
  /** Tab label (raw, emoji shortcodes kept). */
  label?: string
  /** `===+`: the tab is selected by default. */
  selected?: boolean
  /** `===!`: the tab starts a new group. */
  newGroup?: boolean
  /** Admonition type (`note`, `warning`, ...): the first class. */
  type?: string
  /** Extra classes after the type (`inline end`). */
  classes?: string[]
  title?: string
  /** `???+`: the collapsible is open by default. */
  open?: boolean
}

const tabPattern = /^===([+!]{0,2})[ \t]+"(.*)"[ \t]*$/
const boxPattern = /^(!!!|\?\?\?)(\+?)(?:[ \t]+([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)*))?(?:[ \t]+"(.*)")?[ \t]*$/

/** Read a container marker from a line with its indentation removed. */
export function matchMarker(content: string): ContainerMarker | undefined {
  const first = content.charCodeAt(0)
  // Cheap first-character test: most lines are prose.
  if (first !== 61 && first !== 33 && first !== 63) return undefined
  const tab = tabPattern.exec(content)
  if (tab) {
    const flags = tab[1] ?? ''
    return {kind: 'tab', label: tab[2] ?? '', selected: flags.includes('+'), newGroup: flags.includes('!')}
  }
  const box = boxPattern.exec(content)
  if (!box || (box[3] === undefined && box[4] === undefined)) return undefined
  const words = (box[3] ?? '').split(/[ \t]+/).filter(Boolean)
  const marker: ContainerMarker = {
    kind: box[1] === '!!!' ? 'admonition' : 'details',
    type: words[0] ?? 'note',
    classes: words.slice(1)
  }
  if (box[4] !== undefined) marker.title = box[4]
  if (marker.kind === 'details') marker.open = box[2] === '+'
  else if (box[2] === '+') return undefined
  return marker
}

export interface FenceOpening {
  char: '`' | '~'
  size: number
}

/** A CommonMark fence opening (up to 3 spaces of indentation allowed). */
export function matchFenceOpening(content: string): FenceOpening | undefined {
  const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(content)
  if (!match) return undefined
  const run = match[1] ?? ''
  const char = run[0] === '~' ? '~' : '`'
  // A backtick fence's info string may not contain backticks.
  if (char === '`' && (match[2] ?? '').includes('`')) return undefined
  return {char, size: run.length}
}

/** Whether a line (indentation removed) closes the given fence. */
export function closesFence(content: string, fence: FenceOpening): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content)
  return Boolean(match && match[1]![0] === fence.char && match[1]!.length >= fence.size)
}

/** Lines left by an unresolved Git merge. */
export function isMergeConflictMarker(text: string): boolean {
  return /^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|$)/.test(text)
}
