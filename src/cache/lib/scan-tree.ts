import fs from 'node:fs/promises'
import path from 'node:path'
import {eachLimited} from './each-limited.js'
import type {ObjectStore} from './object-store.js'

/** One entry of a snapshot's manifest. Paths are relative, '/'-separated,
 * parents before children. */
export type TreeEntry =
  | {path: string; type: 'dir'; mode: number; mtimeMs: number}
  | {path: string; type: 'file'; mode: number; mtimeMs: number; bytes: number; hash: string; holdsRoot?: true}
  | {path: string; type: 'symlink'; target: string}

/** Files hashed and stored at once: enough to keep the thread pool busy. */
const parallelFiles = 8

/** Files larger than this are data (a dataset, a wheel, a shared library),
 * not where a virtualenv, Python's bytecode or a shell keeps its path. */
export const largestWithRoot = 4 * 1024 * 1024

/**
 * Record `root` as manifest entries, storing each file's content in
 * `objects` (content already there is only hashed). Symlinks stay links
 * with their target verbatim (a venv's `bin/python` must stay one); modes
 * and mtimes are kept (Python's .pyc files are checked against their
 * source's mtime). Sockets and FIFOs are left out: they mean nothing
 * without the process that made them.
 */
export async function scanTree(root: string, objects: ObjectStore): Promise<TreeEntry[]> {
  // Which files name the root (venv scripts, pyvenv.cfg, .pyc files, Git
  // remotes, the shell state): a restore elsewhere rewrites only those,
  // while copying, instead of reading the whole tree again.
  const needle = Buffer.from(path.resolve(root))
  const entries: TreeEntry[] = []
  const files: {entry: Extract<TreeEntry, {type: 'file'}>; full: string; size: number}[] = []
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const names = (await fs.readdir(dir).catch(unlessVanished(() => [] as string[]))).sort()
    for (const name of names) {
      const full = path.join(dir, name)
      const rel = prefix + name
      const stat = await fs.lstat(full).catch(unlessVanished(() => null))
      if (stat === null) continue
      if (stat.isSymbolicLink()) {
        const target = await fs.readlink(full).catch(unlessVanished(() => null))
        if (target !== null) entries.push({path: rel, type: 'symlink', target})
      } else if (stat.isDirectory()) {
        entries.push({path: rel, type: 'dir', mode: stat.mode & 0o7777, mtimeMs: stat.mtimeMs})
        await walk(full, `${rel}/`)
      } else if (stat.isFile()) {
        const entry = {path: rel, type: 'file' as const, mode: stat.mode & 0o7777, mtimeMs: stat.mtimeMs, bytes: 0, hash: ''}
        entries.push(entry)
        files.push({entry, full, size: stat.size})
      }
    }
  }
  await walk(root, '')
  const vanished = new Set<TreeEntry>()
  await eachLimited(files, parallelFiles, async ({entry, full, size}) => {
    const digest = await objects.add(full, size).catch(unlessVanished(() => null))
    if (digest === null) {
      vanished.add(entry)
      return
    }
    entry.hash = digest.sha256
    entry.bytes = digest.bytes
    // Just hashed: read again from the page cache.
    if (size <= largestWithRoot && (await fs.readFile(full).catch(() => Buffer.alloc(0))).includes(needle)) entry.holdsRoot = true
  })
  return vanished.size === 0 ? entries : entries.filter((entry) => !vanished.has(entry))
}

/**
 * A file removed while the tree is read (a tool's temp file, a process the
 * chapter left running) is not part of the end state: skip it, as
 * `cp -a` or `tar` would with a warning. Any other error stands.
 */
function unlessVanished<T>(fallback: () => T): (error: unknown) => T {
  return (error) => {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return fallback()
    throw error
  }
}
