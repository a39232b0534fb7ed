/**
 * The paths a directory-tree block names (`tree` output as the guides draw
 * it): `├── `, `└── ` and `│   ` prefixes, `# (1)!` annotations and other
 * trailing comments, `...` for contents not listed.
 */
import type {TreeEntry} from '../types.js'

const branch = /^((?:[│|]\s{3}|\s{4})*)(?:[├└|`]──|[├└]─|[|`]--)\s+(.*)$/

/** Entries of a tree block; `firstLine` is the file line of the block's first body line. */
export function parseDirectoryTree(text: string, firstLine: number): TreeEntry[] {
  const entries: TreeEntry[] = []
  const stack: TreeEntry[] = []
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const match = branch.exec(lines[index]!.replace(/\s+$/, ''))
    if (!match) continue
    const depth = [...match[1]!].length / 4
    const name = stripComment(match[2]!)
    stack.length = Math.min(stack.length, depth)
    const parent = stack[depth - 1]
    if (name === '') continue
    if (/^(?:\.{3}|…)$/.test(name)) {
      if (parent) {
        parent.elided = true
        parent.type = 'directory'
      }
      continue
    }
    if (parent) parent.type = 'directory'
    const clean = name.replace(/^\.\//, '')
    const path = parent ? `${parent.path}/${clean.replace(/\/$/, '')}` : clean.replace(/\/$/, '')
    const entry: TreeEntry = {path, type: clean.endsWith('/') ? 'directory' : 'any', line: firstLine + index, elided: false}
    entries.push(entry)
    stack[depth] = entry
  }
  return entries
}

/** `data # (1)!` -> `data`; `model.pkl  # the model` -> `model.pkl`. */
function stripComment(name: string): string {
  return name.replace(/\s+#.*$/, '').trim()
}

/** Whether a block's body is drawn as a directory tree. */
export function looksLikeTree(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  return lines.length > 0 && lines.filter((line) => branch.test(line)).length >= Math.max(1, Math.floor(lines.length / 2))
}
