import {randomBytes} from 'node:crypto'
import {constants} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {createArchive, digestFile, extractArchive} from './archive.js'

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
  /** Absolute path of the archive (`<key>.tgz`). */
  archive: string
  /** Size of the archive in bytes. */
  bytes: number
  /** sha256 (hex) of the archive. */
  sha256: string
  createdAt: string
  lastUsedAt: string
  /** The folder it was saved from. Restore to the same path: venvs, Git
   * remotes and the shell's cwd hold absolute paths. */
  sourceDir: string
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
  /** Bytes on disk (archives + manifests). */
  bytes: number
  /** Counters since the store was opened. */
  hits: number
  misses: number
  saves: number
  corrupted: number
  pruned: number
}

export interface SnapshotStoreOptions {
  /** Default: `${XDG_CACHE_HOME:-~/.cache}/docs-verify/snapshots`. */
  dir?: string
  /** Size cap enforced by `prune()` (and after every save). Default 2 GiB. */
  maxBytes?: number
  /** Told about every corrupted or partial snapshot that was deleted. */
  onProblem?: (problem: SnapshotProblem) => void
}

export interface SnapshotStore {
  readonly dir: string
  readonly maxBytes: number
  /** Archive `srcDir` under `key`; replaces an older snapshot of that key. */
  save(key: string, srcDir: string, meta?: SnapshotMeta): Promise<SnapshotInfo>
  /** Unpack into `destDir` (absent or empty). false on a miss, including a
   * snapshot found corrupted (which is deleted and reported). */
  restore(key: string, destDir: string): Promise<boolean>
  /** A committed snapshot exists with the recorded size (no checksum). */
  has(key: string): Promise<boolean>
  /** Full checksum check; a bad snapshot is deleted and reported. */
  verify(key: string): Promise<boolean>
  /** Manifest of a snapshot (meta included), or null. */
  info(key: string): Promise<SnapshotInfo | null>
  /** Enforce the size cap, least recently used first; returns removed keys. */
  prune(): Promise<string[]>
  stats(): Promise<SnapshotStats>
}

interface Manifest {
  format: 1
  key: string
  bytes: number
  sha256: string
  createdAt: string
  sourceDir: string
  meta: SnapshotMeta
}

const defaultMaxBytes = 2 * 1024 ** 3
/** Files this old without a manifest are leftovers of a crashed save. */
const orphanGraceMs = 10 * 60 * 1000
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const tempMarker = '.tmp-'

/** Default snapshot folder, following the XDG base directory spec. */
export function defaultSnapshotDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(base, 'docs-verify', 'snapshots')
}

/** Open (lazily create) a snapshot store. */
export function openSnapshotStore(options: SnapshotStoreOptions = {}): SnapshotStore {
  const dir = path.resolve(options.dir ?? defaultSnapshotDir())
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const counters = {hits: 0, misses: 0, saves: 0, corrupted: 0, pruned: 0}
  const archiveOf = (key: string): string => path.join(dir, `${checkKey(key)}.tgz`)
  const manifestOf = (key: string): string => path.join(dir, `${checkKey(key)}.json`)

  async function discard(key: string, reason: string): Promise<void> {
    counters.corrupted++
    await Promise.all([fs.rm(archiveOf(key), {force: true}), fs.rm(manifestOf(key), {force: true})])
    options.onProblem?.({key, reason})
  }

  /** Manifest + archive size check; discards what is inconsistent. */
  async function load(key: string): Promise<{manifest: Manifest; mtimeMs: number} | null> {
    const manifest = await readManifest(manifestOf(key), key)
    const archiveStat = await fs.stat(archiveOf(key)).catch(() => null)
    if (manifest === 'missing') {
      if (archiveStat) await discard(key, 'archive without a manifest (interrupted save)')
      return null
    }
    if (manifest === 'invalid') {
      await discard(key, 'manifest is not valid JSON of a snapshot')
      return null
    }
    if (!archiveStat) {
      await discard(key, 'manifest without an archive')
      return null
    }
    if (archiveStat.size !== manifest.bytes) {
      await discard(key, `archive is ${archiveStat.size} bytes, manifest says ${manifest.bytes} (truncated or partial)`)
      return null
    }
    return {manifest, mtimeMs: archiveStat.mtimeMs}
  }

  async function verified(key: string): Promise<{manifest: Manifest; mtimeMs: number} | null> {
    const loaded = await load(key)
    if (!loaded) return null
    const digest = await digestFile(archiveOf(key)).catch(() => null)
    if (!digest || digest.sha256 !== loaded.manifest.sha256) {
      await discard(key, 'archive checksum does not match its manifest (corrupted)')
      return null
    }
    return loaded
  }

  function toInfo(key: string, manifest: Manifest, mtimeMs: number): SnapshotInfo {
    return {
      key,
      archive: archiveOf(key),
      bytes: manifest.bytes,
      sha256: manifest.sha256,
      createdAt: manifest.createdAt,
      lastUsedAt: new Date(mtimeMs).toISOString(),
      sourceDir: manifest.sourceDir,
      meta: manifest.meta
    }
  }

  async function pruneKeeping(keep: string | null): Promise<string[]> {
    const names = await fs.readdir(dir).catch(() => [] as string[])
    const now = Date.now()
    const entries = new Map<string, {archive?: {size: number; mtimeMs: number}; manifestBytes?: number}>()
    for (const name of names) {
      const file = path.join(dir, name)
      const stat = await fs.lstat(file).catch(() => null)
      if (!stat) continue
      if (name.includes(tempMarker)) {
        if (now - stat.mtimeMs > orphanGraceMs) await fs.rm(file, {force: true, recursive: true})
        continue
      }
      const match = /^(.+)\.(tgz|json)$/.exec(name)
      if (!match || !keyPattern.test(match[1]!)) continue
      const entry = entries.get(match[1]!) ?? {}
      if (match[2] === 'tgz') entry.archive = {size: stat.size, mtimeMs: stat.mtimeMs}
      else entry.manifestBytes = stat.size
      entries.set(match[1]!, entry)
    }
    const live: {key: string; bytes: number; usedAt: number}[] = []
    for (const [key, entry] of entries) {
      if (entry.archive && entry.manifestBytes !== undefined) {
        live.push({key, bytes: entry.archive.size + entry.manifestBytes, usedAt: entry.archive.mtimeMs})
      } else if (entry.manifestBytes !== undefined) {
        await fs.rm(manifestOf(key), {force: true})
      } else if (entry.archive && now - entry.archive.mtimeMs > orphanGraceMs) {
        await fs.rm(archiveOf(key), {force: true})
      }
    }
    live.sort((a, b) => a.usedAt - b.usedAt || a.key.localeCompare(b.key))
    let total = live.reduce((sum, entry) => sum + entry.bytes, 0)
    const removed: string[] = []
    for (const entry of live) {
      if (total <= maxBytes) break
      if (entry.key === keep) continue
      await fs.rm(manifestOf(entry.key), {force: true})
      await fs.rm(archiveOf(entry.key), {force: true})
      total -= entry.bytes
      removed.push(entry.key)
    }
    counters.pruned += removed.length
    return removed
  }

  return {
    dir,
    maxBytes,

    async save(key, srcDir, meta = {}) {
      const archive = archiveOf(key)
      await fs.mkdir(dir, {recursive: true})
      const stat = await fs.stat(srcDir).catch(() => null)
      if (!stat?.isDirectory()) {
        throw new Error(`Cannot snapshot ${srcDir}: not a directory. Pass the sandbox root that the chapter ran in.`)
      }
      const temp = `${archive}${tempMarker}${process.pid}-${randomBytes(4).toString('hex')}`
      const usedAt = nextUseTime()
      let digest
      try {
        digest = await createArchive(srcDir, temp)
        await fs.utimes(temp, usedAt / 1000, usedAt / 1000)
      } catch (error) {
        await fs.rm(temp, {force: true})
        throw error
      }
      const manifest: Manifest = {
        format: 1,
        key,
        bytes: digest.bytes,
        sha256: digest.sha256,
        createdAt: new Date().toISOString(),
        sourceDir: path.resolve(srcDir),
        meta
      }
      // The manifest is the commit marker: drop the old one before the
      // archive changes under it, write the new one last.
      await fs.rm(manifestOf(key), {force: true})
      await fs.rename(temp, archive)
      await writeDurably(manifestOf(key), JSON.stringify(manifest))
      await syncDir(dir)
      counters.saves++
      await pruneKeeping(key)
      return toInfo(key, manifest, usedAt)
    },

    async restore(key, destDir) {
      const target = path.resolve(destDir)
      const existing = await fs.readdir(target).catch(() => null)
      if (existing && existing.length > 0) {
        throw new Error(`Cannot restore snapshot into ${target}: the folder is not empty. Restore into a fresh sandbox folder.`)
      }
      const loaded = await verified(key)
      if (!loaded) {
        counters.misses++
        return false
      }
      await fs.mkdir(path.dirname(target), {recursive: true})
      const temp = `${target}${tempMarker}${randomBytes(4).toString('hex')}`
      await fs.mkdir(temp)
      try {
        await extractArchive(archiveOf(key), temp)
      } catch (error) {
        await fs.rm(temp, {recursive: true, force: true})
        await discard(key, `archive does not unpack: ${(error as Error).message}`)
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
      await fs.utimes(archiveOf(key), usedAt / 1000, usedAt / 1000).catch(() => {})
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
      const names = await fs.readdir(dir).catch(() => [] as string[])
      let count = 0
      let bytes = 0
      for (const name of names) {
        if (name.includes(tempMarker)) continue
        const stat = await fs.stat(path.join(dir, name)).catch(() => null)
        if (!stat) continue
        if (name.endsWith('.json')) count++
        if (name.endsWith('.json') || name.endsWith('.tgz')) bytes += stat.size
      }
      return {dir, maxBytes, count, bytes, ...counters}
    }
  }
}

function checkKey(key: string): string {
  if (!keyPattern.test(key)) {
    throw new Error(`Invalid snapshot key ${JSON.stringify(key)}: use snapshotKey() (letters, digits, '.', '_', '-').`)
  }
  return key
}

async function readManifest(file: string, key: string): Promise<Manifest | 'missing' | 'invalid'> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch {
    return 'missing'
  }
  try {
    const data = JSON.parse(text) as Partial<Manifest>
    if (
      data.format === 1 &&
      data.key === key &&
      typeof data.bytes === 'number' &&
      typeof data.sha256 === 'string' &&
      typeof data.createdAt === 'string' &&
      typeof data.sourceDir === 'string' &&
      typeof data.meta === 'object' &&
      data.meta !== null
    ) {
      return data as Manifest
    }
  } catch {}
  return 'invalid'
}

let lastUseTime = 0
/** Strictly increasing ms stamps, so two uses in the same millisecond still
 * order for LRU. */
function nextUseTime(): number {
  lastUseTime = Math.max(Date.now(), lastUseTime + 1)
  return lastUseTime
}

async function writeDurably(file: string, text: string): Promise<void> {
  const temp = `${file}${tempMarker}${process.pid}-${randomBytes(4).toString('hex')}`
  const handle = await fs.open(temp, 'w')
  try {
    await handle.writeFile(text)
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
