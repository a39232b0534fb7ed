/**
 * The opening line of a pymdownx container, as the patterns of
 * Python-Markdown (`extensions/admonition.py`) and pymdown-extensions
 * (`details.py`, `tabbed.py`) read it, on a line whose tabs Python-Markdown
 * has already expanded: content tabs (`=== "Label"`, `===+`, `===!`),
 * admonitions (`!!! type "Title"`: the type is required) and collapsibles
 * (`??? type "Title"`, `??? "Title"`, `???+` open).
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
  /** Admonition type (`note`, `warning`, ...): the first class; a
   * collapsible may have none. */
  type?: string
  /** Extra classes after the type (`inline end`). */
  classes?: string[]
  title?: string
  /** `???+`: the collapsible is open by default. */
  open?: boolean
}

const tabPattern = /^===([+!]{0,2})[ \t]+"(.*)"[ \t]*$/
const admonitionPattern = /^!!![ \t]?([\w-]+(?:[ \t]+[\w-]+)*)(?:[ \t]+"(.*)")?[ \t]*$/
const detailsPattern = /^\?\?\?(\+)?[ \t]?(?:([\w-]+(?:[ \t]+[\w-]+)*?)?[ \t]+"(.*)"|([\w-]+(?:[ \t]+[\w-]+)*?))[ \t]*$/

/** Read a marker line (its indentation removed); undefined when it is none. */
export function parseMarker(line: string): ContainerMarker | undefined {
  const tab = tabPattern.exec(line)
  if (tab) {
    const flags = tab[1] ?? ''
    return {kind: 'tab', label: tab[2] ?? '', selected: flags.includes('+'), newGroup: flags.includes('!')}
  }
  const admonition = admonitionPattern.exec(line)
  if (admonition) return box('admonition', admonition[1], admonition[2])
  const details = detailsPattern.exec(line)
  if (!details) return undefined
  const marker = box('details', details[2] ?? details[4], details[3])
  marker.open = details[1] === '+'
  return marker
}

function box(kind: 'admonition' | 'details', classes: string | undefined, title: string | undefined): ContainerMarker {
  const words = (classes ?? '').split(/[ \t]+/).filter(Boolean)
  const marker: ContainerMarker = {kind, classes: words.slice(1)}
  if (words[0] !== undefined) marker.type = words[0]
  if (title !== undefined) marker.title = title
  return marker
}

/** Lines left by an unresolved Git merge. */
export function isMergeConflictMarker(text: string): boolean {
  return /^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|$)/.test(text)
}
