import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** One entry of a directory tree, as far as a snapshot must keep it. */
export interface TreeEntry {
  path: string
  type: 'file' | 'dir' | 'symlink'
  mode: number
  /** Symlink target, or sha256 of a file's content. */
  content: string
}

/** Everything a snapshot must round-trip, sorted by path. */
export async function describeTree(root: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = []
  async function walk(dir: string): Promise<void> {
    for (const name of (await fs.readdir(dir)).sort()) {
      const file = path.join(dir, name)
      const rel = path.relative(root, file)
      const stat = await fs.lstat(file)
      const mode = stat.mode & 0o7777
      if (stat.isSymbolicLink()) {
        entries.push({path: rel, type: 'symlink', mode: 0, content: await fs.readlink(file)})
      } else if (stat.isDirectory()) {
        entries.push({path: rel, type: 'dir', mode, content: ''})
        await walk(file)
      } else {
        const hash = createHash('sha256').update(await fs.readFile(file)).digest('hex')
        entries.push({path: rel, type: 'file', mode, content: hash})
      }
    }
  }
  await walk(root)
  return entries
}
