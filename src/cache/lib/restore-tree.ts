import fs from 'node:fs/promises'
import path from 'node:path'
import {eachLimited} from './each-limited.js'
import type {ObjectStore} from './object-store.js'
import type {TreeEntry} from './scan-tree.js'
import {replaceBytes} from './replace-bytes.js'

/** Copies in flight: copy_file_range runs in libuv's pool (4 threads). */
const parallelFiles = 16

/** An object a manifest names is missing or was modified. */
export class MissingObjectError extends Error {
  constructor(readonly hash: string, readonly entryPath: string) {
    super(`stored content of ${entryPath} (${hash.slice(0, 12)}) is missing or was modified`)
    this.name = 'MissingObjectError'
  }
}

/**
 * Rebuild a snapshot's tree in the existing, empty `destDir`. Files are
 * copies of the store's objects, never hardlinks: a step that edits a
 * restored file in place (`>>`, `sed -i` on some systems, relocation of
 * absolute paths) must not change what the next restore gets. Directory
 * modes are set last, deepest first, so a read-only directory can still
 * be filled. With a relocation, the files the save marked as naming its
 * folder (and symlinks) name `relocation.to` instead, their modes and
 * mtimes kept.
 */
/** The folder a snapshot was saved from and the one its paths now name. */
export interface Relocation {
  from: string
  to: string
}

export async function restoreTree(entries: readonly TreeEntry[], destDir: string, objects: ObjectStore, relocation?: Relocation): Promise<void> {
  const needle = relocation ? Buffer.from(relocation.from) : undefined
  const replacement = relocation ? Buffer.from(relocation.to) : undefined
  const dirs: Extract<TreeEntry, {type: 'dir'}>[] = []
  const files: Extract<TreeEntry, {type: 'file'}>[] = []
  for (const entry of entries) {
    if (entry.type === 'dir') {
      await fs.mkdir(path.join(destDir, entry.path))
      dirs.push(entry)
    } else if (entry.type === 'symlink') {
      const target = relocation ? entry.target.split(relocation.from).join(relocation.to) : entry.target
      await fs.symlink(target, path.join(destDir, entry.path))
    } else {
      files.push(entry)
    }
  }
  await eachLimited(files, parallelFiles, async (entry) => {
    if (!(await objects.intact(entry.hash, entry.bytes))) throw new MissingObjectError(entry.hash, entry.path)
    const dest = path.join(destDir, entry.path)
    if (entry.holdsRoot && needle && replacement) {
      await fs.writeFile(dest, replaceBytes(await fs.readFile(objects.pathOf(entry.hash)), needle, replacement))
    } else {
      await fs.copyFile(objects.pathOf(entry.hash), dest)
    }
    await fs.chmod(dest, entry.mode)
    const time = entry.mtimeMs / 1000
    await fs.utimes(dest, time, time)
  })
  for (const entry of dirs.reverse()) {
    const dir = path.join(destDir, entry.path)
    await fs.chmod(dir, entry.mode)
    const time = entry.mtimeMs / 1000
    await fs.utimes(dir, time, time)
  }
}
