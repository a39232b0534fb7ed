import {createHash, randomBytes} from 'node:crypto'
import {constants} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {openObjectStore, tempMarker} from './object-store.js'
import {MissingObjectError, restoreTree} from './restore-tree.js'
import {scanTree} from './scan-tree.js'
import type {TreeEntry} from './scan-tree.js'

/** Free-form data saved beside a snapshot: the chapter slug, the emulator's
 * buckets and objects, anything the runner needs back on restore. */
export interface SnapshotMeta {
  slug?: string
  /** Emulator state (fake-gcs-server buckets/objects) as JSON data. */
  emulator?: unknown
  [name: string]: unknown
}

export interface SnapshotInfo {
  key: string
  /** Absolute path of the snapshot's manifest (`snapshots/<key>.json`). */
  manifest: string
  /** Bytes of the files the snapshot holds (before deduplication). */
  bytes: number
  /** Regular files it holds. */
  files: number
  /** sha256 (hex) of its entries: equal trees have equal ids. */
  sha256: string
  createdAt: string
  lastUsedAt: string
  /** The folder it was saved from. Restore to the same path: venvs, Git
   * remotes and the shell's cwd hold absolute paths. */
  sourceDir: string
  /** Its files that name `sourceDir` are marked: a restore with
   * `relocateTo` moves the paths (older snapshots: false). */
  relocatable: boolean
  meta: SnapshotMeta
}

/** Why a snapshot was thrown away instead of used. */
export interface SnapshotProblem {
  key: string
  reason: string
}

export interface SnapshotStats {
  dir: string
  maxBytes: number
  /** Snapshots on disk with a manifest. */
  count: number
  /** Bytes on disk: stored objects (each content once) + manifests. */
  bytes: number
  /** Distinct file contents stored. */
  objects: number
  /** Counters since the store was opened. */
  hits: number
  misses: number
  saves: number
  corrupted: number
  pruned: number
  /** Objects deleted because no snapshot referenced them any more. */
  collected: number
}

export interface SnapshotStoreOptions {
  /** Default: `${XDG_CACHE_HOME:-~/.cache}/docs-verify/snapshots`. */
  dir?: string
  /** Size cap enforced by `prune()` (and after every save). Default 5 GiB. */
  maxBytes?: number
  /** Told about every corrupted or partial snapshot that was deleted. */
  onProblem?: (problem: SnapshotProblem) => void
  /** How long an unreferenced object or temp file is left alone, in case
   * a save in another process is about to name it. Default 10 minutes. */
  orphanGraceMs?: number
}

export interface RestoreOptions {
  /** The folder the restored tree will live in (it may be restored into a
   * staging folder first): paths naming the saved folder are rewritten to
   * it while copying, for a snapshot with `relocatable`. */
  relocateTo?: string
}

export interface SnapshotStore {
  readonly dir: string
  readonly maxBytes: number
  /** Store `srcDir` under `key`; replaces an older snapshot of that key.
   * Contents already stored (by any snapshot) are not stored again. */
  save(key: string, srcDir: string, meta?: SnapshotMeta): Promise<SnapshotInfo>
  /** Rebuild into `destDir` (absent or empty). false on a miss, including a
   * snapshot found damaged (which is deleted and reported). */
  restore(key: string, destDir: string, options?: RestoreOptions): Promise<boolean>
  /** A committed, readable manifest exists (objects not checked). */
  has(key: string): Promise<boolean>
  /** Manifest and every object it names present, whole and unmodified
   * since stored (a stat per file: objects are written with a pinned
   * mtime); a damaged snapshot is deleted and reported. */
  verify(key: string): Promise<boolean>
  /** Manifest of a snapshot (meta included), or null. */
  info(key: string): Promise<SnapshotInfo | null>
  /** Enforce the size cap, least recently used first, then delete objects
   * no snapshot references (garbage collection); returns removed keys. */
  prune(): Promise<string[]>
  stats(): Promise<SnapshotStats>
}

interface Manifest {
  format: 2
  key: string
  createdAt: string
  sourceDir: string
  /** Files naming sourceDir carry `holdsRoot` (saved by this version). */
  rootMarked?: true
  meta: SnapshotMeta
  /** sha256 of `JSON.stringify(entries)`: a garbled manifest is caught. */
  tree: string
  entries: TreeEntry[]
}

// The seed guide's chain holds a 2.1 GB virtualenv (34,856 files): the cap
// must fit one chain's shared files with room for a second run's changes.
const defaultMaxBytes = 5 * 1024 ** 3
/** Leftovers younger than this may belong to a save still running in
 * another process: a temp file being written, or an object stored (or
 * found) before that save's manifest names it. */
const defaultOrphanGraceMs = 10 * 60 * 1000
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
/** Files of the store's first layout (one tar.gz per snapshot). */
const formerLayout = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(tgz|json)$/

/** Default snapshot folder, following the XDG base directory spec. */
export function defaultSnapshotDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(base, 'docs-verify', 'snapshots')
}

/** Open (lazily create) a snapshot store. */
export function openSnapshotStore(options: SnapshotStoreOptions = {}): SnapshotStore {
  const dir = path.resolve(options.dir ?? defaultSnapshotDir())
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const orphanGraceMs = options.orphanGraceMs ?? defaultOrphanGraceMs
  const manifestsDir = path.join(dir, 'snapshots')
  const objects = openObjectStore(path.join(dir, 'objects'))
  const counters = {hits: 0, misses: 0, saves: 0, corrupted: 0, pruned: 0, collected: 0}
  const manifestOf = (key: string): string => path.join(manifestsDir, `${checkKey(key)}.json`)

  async function discard(key: string, reason: string): Promise<void> {
    counters.corrupted++
    await fs.rm(manifestOf(key), {force: true})
    options.onProblem?.({key, reason})
  }

  async function load(key: string): Promise<{manifest: Manifest; mtimeMs: number} | null> {
    const file = manifestOf(key)
    const stat = await fs.stat(file).catch(() => null)
    if (!stat) return null
    const manifest = await readManifest(file, key)
    if (!manifest) {
      await discard(key, 'manifest is not valid JSON of a snapshot (garbled or partial)')
      return null
    }
    return {manifest, mtimeMs: stat.mtimeMs}
  }

  async function verified(key: string): Promise<{manifest: Manifest; mtimeMs: number} | null> {
    const loaded = await load(key)
    if (!loaded) return null
    for (const entry of loaded.manifest.entries) {
      if (entry.type === 'file' && !(await objects.intact(entry.hash, entry.bytes))) {
        await objects.remove(entry.hash)
        await discard(key, new MissingObjectError(entry.hash, entry.path).message)
        return null
      }
    }
    return loaded
  }

  function toInfo(key: string, manifest: Manifest, mtimeMs: number): SnapshotInfo {
    let bytes = 0
    let files = 0
    for (const entry of manifest.entries) {
      if (entry.type !== 'file') continue
      bytes += entry.bytes
      files++
    }
    return {
      key,
      manifest: manifestOf(key),
      bytes,
      files,
      sha256: manifest.tree,
      createdAt: manifest.createdAt,
      lastUsedAt: new Date(mtimeMs).toISOString(),
      sourceDir: manifest.sourceDir,
      relocatable: manifest.rootMarked === true,
      meta: manifest.meta
    }
  }

  /** `replaced`: objects of a manifest a save just overwrote, free to go
   * now if nothing else references them. */
  async function pruneKeeping(keep: string | null, replaced: ReadonlySet<string> = new Set()): Promise<string[]> {
    const now = Date.now()
    await removeLeftovers(dir, now - orphanGraceMs, true)
    await removeLeftovers(manifestsDir, now - orphanGraceMs, false)
    await removeLeftovers(objects.dir, now - orphanGraceMs, false)
    // Every snapshot with the objects it references, least recently used first.
    const live: {key: string; usedAt: number; manifestBytes: number; hashes: Map<string, number>}[] = []
    for (const name of await fs.readdir(manifestsDir).catch(() => [] as string[])) {
      const match = /^(.+)\.json$/.exec(name)
      if (!match || !keyPattern.test(match[1]!)) continue
      const key = match[1]!
      const loaded = await load(key)
      if (!loaded) continue
      const stat = await fs.stat(manifestOf(key)).catch(() => null)
      const hashes = new Map<string, number>()
      for (const entry of loaded.manifest.entries) if (entry.type === 'file') hashes.set(entry.hash, entry.bytes)
      live.push({key, usedAt: loaded.mtimeMs, manifestBytes: stat?.size ?? 0, hashes})
    }
    live.sort((a, b) => a.usedAt - b.usedAt || a.key.localeCompare(b.key))
    // Each content counts once however many snapshots share it.
    const references = new Map<string, number>()
    let total = 0
    for (const snapshot of live) {
      total += snapshot.manifestBytes
      for (const [hash, bytes] of snapshot.hashes) {
        const count = references.get(hash) ?? 0
        if (count === 0) total += bytes
        references.set(hash, count + 1)
      }
    }
    const removed: string[] = []
    const released = new Set(replaced)
    for (const snapshot of live) {
      if (total <= maxBytes) break
      if (snapshot.key === keep) continue
      await fs.rm(manifestOf(snapshot.key), {force: true})
      total -= snapshot.manifestBytes
      for (const [hash, bytes] of snapshot.hashes) {
        const count = references.get(hash)! - 1
        references.set(hash, count)
        if (count === 0) {
          total -= bytes
          released.add(hash)
        }
      }
      removed.push(snapshot.key)
    }
    counters.pruned += removed.length
    // Garbage collection: an object no snapshot references goes, unless it
    // is fresh and not one this prune released (a concurrent save's).
    for (const object of await objects.list()) {
      if ((references.get(object.hash) ?? 0) > 0) continue
      if (!released.has(object.hash) && now - object.ctimeMs < orphanGraceMs) continue
      await objects.remove(object.hash)
      counters.collected++
    }
    return removed
  }

  return {
    dir,
    maxBytes,

    async save(key, srcDir, meta = {}) {
      const manifestFile = manifestOf(key)
      const stat = await fs.stat(srcDir).catch(() => null)
      if (!stat?.isDirectory()) {
        throw new Error(`Cannot snapshot ${srcDir}: not a directory. Pass the sandbox root that the chapter ran in.`)
      }
      await fs.mkdir(manifestsDir, {recursive: true})
      const previous = await load(key)
      // Objects are not fsync'd one by one (thousands per venv): only the
      // manifest is. After a power cut an object may come back short, which
      // its size check on verify and restore catches.
      const entries = await scanTree(srcDir, objects)
      const manifest: Manifest = {
        format: 2,
        key,
        createdAt: new Date().toISOString(),
        sourceDir: path.resolve(srcDir),
        rootMarked: true,
        meta,
        tree: treeId(entries),
        entries
      }
      const usedAt = nextUseTime()
      await writeDurably(manifestFile, JSON.stringify(manifest), usedAt)
      await syncDir(manifestsDir)
      counters.saves++
      await pruneKeeping(key, new Set(previous?.manifest.entries.flatMap((e) => (e.type === 'file' ? [e.hash] : []))))
      return toInfo(key, manifest, usedAt)
    },

    async restore(key, destDir, options = {}) {
      const target = path.resolve(destDir)
      const existing = await fs.readdir(target).catch(() => null)
      if (existing && existing.length > 0) {
        throw new Error(`Cannot restore snapshot into ${target}: the folder is not empty. Restore into a fresh sandbox folder.`)
      }
      const loaded = await load(key)
      if (!loaded) {
        counters.misses++
        return false
      }
      await fs.mkdir(path.dirname(target), {recursive: true})
      const temp = `${target}${tempMarker}${randomBytes(4).toString('hex')}`
      await fs.mkdir(temp)
      try {
        const {sourceDir, rootMarked} = loaded.manifest
        const relocation = rootMarked && options.relocateTo !== undefined && options.relocateTo !== sourceDir ? {from: sourceDir, to: path.resolve(options.relocateTo)} : undefined
        await restoreTree(loaded.manifest.entries, temp, objects, relocation)
      } catch (error) {
        await fs.rm(temp, {recursive: true, force: true})
        if (!(error instanceof MissingObjectError)) throw error
        // A damaged object goes too: the next save of that content stores
        // it afresh, and every other snapshot naming it misses at once.
        await objects.remove(error.hash)
        await discard(key, error.message)
        counters.misses++
        return false
      }
      try {
        if (existing) await fs.rmdir(target)
        await fs.rename(temp, target)
      } catch (error) {
        await fs.rm(temp, {recursive: true, force: true})
        throw new Error(`Cannot restore snapshot into ${target}: ${(error as Error).message}`)
      }
      const usedAt = nextUseTime()
      await fs.utimes(manifestOf(key), usedAt / 1000, usedAt / 1000).catch(() => {})
      counters.hits++
      return true
    },

    async has(key) {
      return (await load(key)) !== null
    },

    async verify(key) {
      return (await verified(key)) !== null
    },

    async info(key) {
      const loaded = await load(key)
      return loaded ? toInfo(key, loaded.manifest, loaded.mtimeMs) : null
    },

    prune() {
      return pruneKeeping(null)
    },

    async stats() {
      let count = 0
      let bytes = 0
      for (const name of await fs.readdir(manifestsDir).catch(() => [] as string[])) {
        if (name.includes(tempMarker) || !name.endsWith('.json')) continue
        const stat = await fs.stat(path.join(manifestsDir, name)).catch(() => null)
        if (!stat) continue
        count++
        bytes += stat.size
      }
      const stored = await objects.list()
      for (const object of stored) bytes += object.bytes
      return {dir, maxBytes, count, bytes, objects: stored.length, ...counters}
    }
  }
}

function checkKey(key: string): string {
  if (!keyPattern.test(key)) {
    throw new Error(`Invalid snapshot key ${JSON.stringify(key)}: use snapshotKey() (letters, digits, '.', '_', '-').`)
  }
  return key
}

function treeId(entries: readonly TreeEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex')
}

async function readManifest(file: string, key: string): Promise<Manifest | null> {
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Manifest>
    if (
      data.format === 2 &&
      data.key === key &&
      typeof data.createdAt === 'string' &&
      typeof data.sourceDir === 'string' &&
      typeof data.meta === 'object' &&
      data.meta !== null &&
      Array.isArray(data.entries) &&
      data.tree === treeId(data.entries)
    ) {
      return data as Manifest
    }
  } catch {}
  return null
}

/** Temp files of crashed saves (after the grace period), and the files of
 * the store's first layout. */
async function removeLeftovers(dir: string, olderThan: number, isStoreRoot: boolean): Promise<void> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name)
    if (name.includes(tempMarker)) {
      const stat = await fs.lstat(file).catch(() => null)
      if (stat && stat.mtimeMs <= olderThan) await fs.rm(file, {force: true, recursive: true})
    } else if (isStoreRoot && formerLayout.test(name)) {
      await fs.rm(file, {force: true})
    }
  }
}

let lastUseTime = 0
/** Strictly increasing ms stamps, so two uses in the same millisecond still
 * order for LRU. */
function nextUseTime(): number {
  lastUseTime = Math.max(Date.now(), lastUseTime + 1)
  return lastUseTime
}

async function writeDurably(file: string, text: string, usedAt: number): Promise<void> {
  const temp = `${file}${tempMarker}${process.pid}-${randomBytes(4).toString('hex')}`
  const handle = await fs.open(temp, 'w')
  try {
    await handle.writeFile(text)
    await handle.utimes(usedAt / 1000, usedAt / 1000)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, {force: true})
    throw error
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the renames durable; some platforms cannot open a directory.
  const handle = await fs.open(dir, constants.O_RDONLY).catch(() => null)
  if (!handle) return
  await handle.sync().catch(() => {})
  await handle.close()
}
