/**
 * The opening line of a pymdownx container, as Python-Markdown's patterns
 * read it: content tabs (`=== "Label"`, `===+`, `===!`), admonitions
 * (`!!! type "Title"`) and collapsibles (`??? type "Title"`, `???+`).
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

/** Read a marker line (its indentation removed); undefined when it is none. */
export function parseMarker(line: string): ContainerMarker | undefined {
  const tab = tabPattern.exec(line)
  if (tab) {
    const flags = tab[1] ?? ''
    return {kind: 'tab', label: tab[2] ?? '', selected: flags.includes('+'), newGroup: flags.includes('!')}
  }
  const box = boxPattern.exec(line)
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

/** Lines left by an unresolved Git merge. */
export function isMergeConflictMarker(text: string): boolean {
  return /^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|$)/.test(text)
}
