import {lstat, readFile, readdir, readlink, rm, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {replaceBytes} from '../../cache/index.js'

/** Files larger than this are data (a dataset, a wheel), not where a
 * virtualenv or a shell keeps its own path. */
const largestRewritten = 4 * 1024 * 1024

/**
 * Move a restored sandbox from the path it was saved at to its new one:
 * virtualenv scripts, `pyvenv.cfg`, Git remotes, the shell state and
 * symlinks hold absolute paths. Sandbox roots have the same length
 * (`docs-verify-XXXXXX` under one temp folder), so replacing bytes in place
 * keeps binary files valid too. Returns how many files changed.
 */
export async function relocateTree(root: string, from: string, to: string): Promise<number> {
  if (from === to) return 0
  const needle = Buffer.from(from)
  const replacement = Buffer.from(to)
  let changed = 0
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        await walk(full)
      } else if (entry.isSymbolicLink()) {
        const target = await readlink(full)
        if (target.includes(from)) {
          await rm(full)
          await symlink(target.split(from).join(to), full)
          changed++
        }
      } else if (entry.isFile()) {
        const info = await lstat(full)
        if (info.size > largestRewritten) continue
        const bytes = await readFile(full)
        if (bytes.indexOf(needle) < 0) continue
        await writeFile(full, replaceBytes(bytes, needle, replacement), {mode: info.mode})
        changed++
      }
    }
  }
  await walk(root)
  return changed
}
