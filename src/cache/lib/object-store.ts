import {createHash, randomBytes} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {hashFile, readWholeBelow} from './file-hash.js'
import type {FileDigest} from './file-hash.js'

/**
 * Every stored object has this mtime. Any write to an object moves its
 * mtime, so a stat is enough to tell an object was touched after it was
 * stored, without hashing it again.
 */
const pinnedTime = new Date(1000)
const hashPattern = /^[0-9a-f]{64}$/
/** Marks files being written; a crash leaves them for the sweep. */
export const tempMarker = '.tmp-'

/** An object on disk, as the sweep sees it. */
export interface StoredObject {
  hash: string
  bytes: number
  /** Last change of the inode: an object a running save just wrote looks
   * fresh to a concurrent sweep. (One it found already stored does not: if
   * a sweep removes it meanwhile, that snapshot misses on restore.) */
  ctimeMs: number
}

/**
 * Files stored once by content (sha256), under `objects/ab/cdef...`.
 * Objects are read-only copies: a snapshot restored from them gets copies
 * again, so nothing a tutorial step does in its sandbox reaches the store.
 */
export interface ObjectStore {
  readonly dir: string
  pathOf(hash: string): string
  /** Store a file's content (a copy); a known content is not copied again. */
  add(file: string, size: number): Promise<FileDigest>
  /** The object is there, `bytes` long and unmodified since stored. */
  intact(hash: string, bytes: number): Promise<boolean>
  remove(hash: string): Promise<void>
  list(): Promise<StoredObject[]>
}

export function openObjectStore(dir: string): ObjectStore {
  const pathOf = (hash: string): string => path.join(dir, hash.slice(0, 2), hash.slice(2))

  async function intact(hash: string, bytes: number): Promise<boolean> {
    const stat = await fs.lstat(pathOf(hash)).catch(() => null)
    return stat !== null && stat.isFile() && stat.size === bytes && stat.mtimeMs === pinnedTime.getTime()
  }

  const madePrefixes = new Set<string>()
  /** Write a temp file, then move it to its content's name, read-only and
   * with the pinned mtime: the final name only ever holds whole content. */
  async function storeAs(write: (temp: string) => Promise<string>): Promise<void> {
    const temp = path.join(dir, `${tempMarker}${process.pid}-${randomBytes(6).toString('hex')}`)
    try {
      if (madePrefixes.size === 0) await fs.mkdir(dir, {recursive: true})
      const hash = await write(temp)
      await fs.utimes(temp, pinnedTime, pinnedTime)
      const prefix = hash.slice(0, 2)
      if (!madePrefixes.has(prefix)) {
        await fs.mkdir(path.join(dir, prefix), {recursive: true})
        madePrefixes.add(prefix)
      }
      await fs.rename(temp, pathOf(hash))
    } catch (error) {
      await fs.rm(temp, {force: true})
      throw error
    }
  }
  const store = (hash: string, write: (temp: string) => Promise<void>): Promise<void> =>
    storeAs(async (temp) => {
      await write(temp)
      return hash
    })

  return {
    dir,
    pathOf,
    intact,

    async add(file, size) {
      // Small files (most of a venv) are read once: hashed and, when new,
      // written from the same bytes.
      if (size < readWholeBelow) {
        const content = await fs.readFile(file)
        const digest = {sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length}
        if (!(await intact(digest.sha256, digest.bytes))) await store(digest.sha256, (temp) => fs.writeFile(temp, content, {mode: 0o444}))
        return digest
      }
      const known = await hashFile(file, size)
      if (await intact(known.sha256, known.bytes)) return known
      // Named by what was copied, not by what was hashed before: a file
      // that changed in between is still stored under its own content.
      let copied!: FileDigest
      await storeAs(async (temp) => {
        copied = await copyHashing(file, temp)
        return copied.sha256
      })
      return copied
    },

    async remove(hash) {
      await fs.rm(pathOf(hash), {force: true})
    },

    async list() {
      const objects: StoredObject[] = []
      for (const prefix of await fs.readdir(dir).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue
        for (const rest of await fs.readdir(path.join(dir, prefix)).catch(() => [] as string[])) {
          const hash = prefix + rest
          if (!hashPattern.test(hash)) continue
          const stat = await fs.lstat(path.join(dir, prefix, rest)).catch(() => null)
          if (stat) objects.push({hash, bytes: stat.size, ctimeMs: stat.ctimeMs})
        }
      }
      return objects
    }
  }
}

/** Copy `from` to `to` (created read-only) and hash what was copied, in
 * one read. */
async function copyHashing(from: string, to: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      bytes += chunk.length
      callback(null, chunk)
    }
  })
  await pipeline(createReadStream(from, {highWaterMark: readWholeBelow}), tap, createWriteStream(to, {mode: 0o444}))
  return {sha256: hash.digest('hex'), bytes}
}
