import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {watch} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {openSnapshotStore} from '../../src/cache/index.js'
import type {SnapshotProblem} from '../../src/cache/index.js'
import {describeTree} from './tree.js'

let tmp: string

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dv-cache-'))
})
afterEach(async () => {
  await fs.rm(tmp, {recursive: true, force: true})
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Learner',
      GIT_AUTHOR_EMAIL: 'learner@example.com',
      GIT_COMMITTER_NAME: 'Learner',
      GIT_COMMITTER_EMAIL: 'learner@example.com',
      GIT_CONFIG_GLOBAL: '/dev/null'
    }
  }).trim()
}

/** A sandbox like the runner leaves after a chapter. */
async function makeSandbox(root: string): Promise<void> {
  const work = path.join(root, 'workspace')
  await fs.mkdir(path.join(work, 'src'), {recursive: true})
  await fs.writeFile(path.join(work, 'params.yaml'), 'prepare:\n  split: 0.2\n')
  await fs.writeFile(path.join(work, 'src', 'train.py'), 'print("train")\n')
  await fs.writeFile(path.join(work, 'run.sh'), '#!/bin/sh\necho run\n', {mode: 0o755})
  await fs.writeFile(path.join(work, 'secret.json'), '{}', {mode: 0o600})
  await fs.chmod(path.join(work, 'secret.json'), 0o600)
  await fs.mkdir(path.join(work, 'data', 'empty'), {recursive: true})
  // venv layout: absolute and relative links, plus a dangling one.
  const venv = path.join(work, '.venv')
  await fs.mkdir(path.join(venv, 'bin'), {recursive: true})
  await fs.mkdir(path.join(venv, 'lib', 'python3.11', 'site-packages'), {recursive: true})
  await fs.symlink('/usr/bin/python3', path.join(venv, 'bin', 'python3'))
  await fs.symlink('python3', path.join(venv, 'bin', 'python'))
  await fs.symlink('lib', path.join(venv, 'lib64'))
  await fs.symlink('does-not-exist', path.join(venv, 'bin', 'dangling'))
  await fs.writeFile(path.join(venv, 'bin', 'activate'), 'export VIRTUAL_ENV=x\n', {mode: 0o644})
  await fs.writeFile(path.join(root, 'shell-state.sh'), "export BUCKET='mlops'\ncd /sandbox/workspace\n")
  git(work, 'init', '-q', '-b', 'main')
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'chapter 1')
  git(root, 'clone', '-q', '--bare', work, 'remote.git')
}

async function makeSmall(root: string, text: string): Promise<void> {
  await fs.mkdir(root, {recursive: true})
  await fs.writeFile(path.join(root, 'state.txt'), text)
}

describe('snapshot store', () => {
  it('round-trips a sandbox: files, modes, symlinks, empty dirs, git repos', async () => {
    const src = path.join(tmp, 'sandbox')
    await makeSandbox(src)
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    const info = await store.save('k1', src, {slug: 'chapter-1', emulator: {buckets: ['mlops']}})
    expect(info.bytes).toBeGreaterThan(0)
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/)

    const dest = path.join(tmp, 'restored')
    expect(await store.restore('k1', dest)).toBe(true)
    expect(await describeTree(dest)).toEqual(await describeTree(src))
    const links = (await describeTree(dest)).filter((e) => e.type === 'symlink')
    expect(links.map((e) => `${e.path}->${e.content}`)).toEqual([
      'workspace/.venv/bin/dangling->does-not-exist',
      'workspace/.venv/bin/python->python3',
      'workspace/.venv/bin/python3->/usr/bin/python3',
      'workspace/.venv/lib64->lib'
    ])
    expect((await fs.stat(path.join(dest, 'workspace', 'run.sh'))).mode & 0o777).toBe(0o755)
    expect((await fs.stat(path.join(dest, 'workspace', 'secret.json'))).mode & 0o777).toBe(0o600)
    expect(git(path.join(dest, 'workspace'), 'log', '--format=%s')).toBe('chapter 1')
    expect(git(path.join(dest, 'remote.git'), 'rev-parse', 'main')).toBe(git(path.join(src, 'workspace'), 'rev-parse', 'HEAD'))
    expect((await store.info('k1'))?.meta).toEqual({slug: 'chapter-1', emulator: {buckets: ['mlops']}})
    expect((await store.info('k1'))?.sourceDir).toBe(src)
    const stats = await store.stats()
    expect(stats).toMatchObject({count: 1, hits: 1, saves: 1, misses: 0})
    // Nothing restored is a hardlink of the store: each file is its own copy.
    for (const entry of (await describeTree(dest)).filter((e) => e.type === 'file')) {
      expect((await fs.lstat(path.join(dest, entry.path))).nlink, entry.path).toBe(1)
    }
  })

  it('reports a miss for an unknown key and refuses a non-empty target', async () => {
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    expect(await store.has('nope')).toBe(false)
    expect(await store.restore('nope', path.join(tmp, 'x'))).toBe(false)
    await makeSmall(path.join(tmp, 'src'), 'a')
    await store.save('k', path.join(tmp, 'src'))
    await expect(store.restore('k', path.join(tmp, 'src'))).rejects.toThrow(/not empty/)
    await expect(store.restore('k', path.join(tmp, 'src', 'state.txt'))).rejects.toThrow(/Cannot restore/)
    expect((await fs.readdir(tmp)).sort()).toEqual(['src', 'store'])
    await expect(store.save('k', path.join(tmp, 'missing'))).rejects.toThrow(/not a directory/)
    await expect(store.has('../escape')).rejects.toThrow(/Invalid snapshot key/)
  })

  it('restores modes, mtimes, empty and read-only dirs, symlinks of every kind', async () => {
    const src = path.join(tmp, 'sandbox')
    await fs.mkdir(path.join(src, 'a', 'empty'), {recursive: true})
    await fs.mkdir(path.join(src, 'locked'), {recursive: true})
    await fs.writeFile(path.join(src, 'locked', 'inside.txt'), 'in a read-only dir\n')
    await fs.chmod(path.join(src, 'locked'), 0o555)
    await fs.mkdir(path.join(src, 'private'), {mode: 0o700})
    await fs.writeFile(path.join(src, 'a', 'tool'), '#!/bin/sh\n', {mode: 0o750})
    await fs.chmod(path.join(src, 'a', 'tool'), 0o750)
    await fs.writeFile(path.join(src, 'a', 'empty-file'), '')
    await fs.symlink('/etc/hostname', path.join(src, 'absolute'))
    await fs.symlink('../a/tool', path.join(src, 'private', 'relative'))
    await fs.symlink('a', path.join(src, 'dir-link'))
    await fs.symlink('nowhere', path.join(src, 'dangling'))
    const old = new Date('2020-02-02T02:02:02.250Z')
    await fs.utimes(path.join(src, 'a', 'tool'), old, old)
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    await store.save('k', src)

    const dest = path.join(tmp, 'restored')
    expect(await store.restore('k', dest)).toBe(true)
    expect(await describeTree(dest)).toEqual(await describeTree(src))
    expect((await fs.stat(path.join(dest, 'a', 'tool'))).mtime.toISOString()).toBe(old.toISOString())
    expect((await fs.stat(path.join(dest, 'locked'))).mode & 0o777).toBe(0o555)
    expect((await fs.stat(path.join(dest, 'private'))).mode & 0o777).toBe(0o700)
    expect(await fs.readdir(path.join(dest, 'a', 'empty'))).toEqual([])
    await fs.chmod(path.join(dest, 'locked'), 0o755)
    await fs.chmod(path.join(src, 'locked'), 0o755)
  })

  it('stores each content once across snapshots and runs', async () => {
    // A chain of chapters: every sandbox carries the same big venv and a
    // little of its own.
    const venv = async (root: string): Promise<void> => {
      const site = path.join(root, '.venv', 'lib', 'site-packages')
      await fs.mkdir(site, {recursive: true})
      for (let i = 0; i < 40; i++) await fs.writeFile(path.join(site, `module_${i}.so`), seeded(50_000, i))
      await fs.symlink('/usr/bin/python3', path.join(root, '.venv', 'python'))
    }
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    const infos = []
    for (let chapter = 1; chapter <= 5; chapter++) {
      const src = path.join(tmp, `chapter-${chapter}`)
      await venv(src)
      await fs.writeFile(path.join(src, 'notes.txt'), `chapter ${chapter}\n`)
      await fs.writeFile(path.join(src, 'data.bin'), seeded(100_000, 1000 + chapter))
      infos.push(await store.save(`chapter-${chapter}`, src))
    }
    const largest = Math.max(...infos.map((i) => i.bytes))
    const stats = await store.stats()
    expect(stats.count).toBe(5)
    expect(stats.objects).toBe(40 + 5 + 5)
    expect(stats.bytes).toBeLessThan(1.5 * largest)
    expect(stats.bytes).toBeGreaterThan(40 * 50_000 + 5 * 100_000)

    // A second run saves the same trees again: nothing new is stored.
    for (let chapter = 1; chapter <= 5; chapter++) await store.save(`chapter-${chapter}`, path.join(tmp, `chapter-${chapter}`))
    expect(await store.stats()).toMatchObject({objects: stats.objects, bytes: stats.bytes, count: 5})
    for (let chapter = 1; chapter <= 5; chapter++) {
      const dest = path.join(tmp, `restored-${chapter}`)
      expect(await store.restore(`chapter-${chapter}`, dest)).toBe(true)
      expect(await describeTree(dest)).toEqual(await describeTree(path.join(tmp, `chapter-${chapter}`)))
    }
  })

  it('a restored file edited in place, appended to or chmod-ed leaves the store as it was', async () => {
    const src = path.join(tmp, 'sandbox')
    await makeSandbox(src)
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    await store.save('k', src)
    const first = path.join(tmp, 'first')
    expect(await store.restore('k', first)).toBe(true)

    const params = path.join(first, 'workspace', 'params.yaml')
    const handle = await fs.open(params, 'r+')
    await handle.write('XXXXXXX', 0)
    await handle.close()
    await fs.appendFile(path.join(first, 'workspace', 'src', 'train.py'), 'print("changed")\n')
    await fs.writeFile(path.join(first, 'workspace', '.venv', 'bin', 'activate'), 'overwritten\n')
    await fs.chmod(path.join(first, 'workspace', 'run.sh'), 0o600)
    await fs.truncate(path.join(first, 'shell-state.sh'), 0)

    expect(await store.verify('k')).toBe(true)
    const second = path.join(tmp, 'second')
    expect(await store.restore('k', second)).toBe(true)
    expect(await describeTree(second)).toEqual(await describeTree(src))
  })

  const corruptions: [string, (object: string, manifest: string) => Promise<void>, RegExp][] = [
    [
      'a flipped byte in a stored file',
      async (object) => {
        const bytes = await fs.readFile(object)
        const at = Math.floor(bytes.length / 2)
        bytes[at] = bytes[at]! ^ 0xff
        await fs.chmod(object, 0o644)
        await fs.writeFile(object, bytes)
      },
      /missing or was modified/
    ],
    ['a truncated stored file', async (object) => fs.truncate(object, 10), /missing or was modified/],
    ['a removed stored file', async (object) => fs.rm(object), /missing or was modified/],
    ['a garbled manifest', async (_object, manifest) => fs.writeFile(manifest, '{"format":2,'), /not valid JSON/],
    [
      'a manifest edited by hand',
      async (_object, manifest) => {
        const data = JSON.parse(await fs.readFile(manifest, 'utf8'))
        data.entries[0].mode = 0o777
        await fs.writeFile(manifest, JSON.stringify(data))
      },
      /not valid JSON/
    ]
  ]

  for (const [name, corrupt, reason] of corruptions) {
    it(`detects ${name}, deletes the snapshot and rebuilds it`, async () => {
      const problems: SnapshotProblem[] = []
      const dir = path.join(tmp, 'store')
      const store = openSnapshotStore({dir, onProblem: (p) => problems.push(p)})
      const src = path.join(tmp, 'src')
      await makeSmall(src, randomBytes(4096).toString('hex'))
      const info = await store.save('k', src)
      await corrupt(await objectOf(dir, info.manifest, 'state.txt'), info.manifest)

      const dest = path.join(tmp, 'dest')
      expect(await store.restore('k', dest)).toBe(false)
      expect(problems).toHaveLength(1)
      expect(problems[0]!.key).toBe('k')
      expect(problems[0]!.reason).toMatch(reason)
      expect(await store.has('k')).toBe(false)
      await expect(fs.stat(dest)).rejects.toThrow()
      expect((await fs.readdir(tmp)).sort()).toEqual(['src', 'store'])

      await store.save('k', src)
      expect(await store.restore('k', dest)).toBe(true)
      expect(await describeTree(dest)).toEqual(await describeTree(src))
      expect(await store.verify('k')).toBe(true)
      expect(await store.stats()).toMatchObject({corrupted: 1, hits: 1, misses: 1, saves: 2})
    })
  }

  it('verify finds a damaged object without restoring; every snapshot sharing it then misses', async () => {
    const problems: SnapshotProblem[] = []
    const dir = path.join(tmp, 'store')
    const store = openSnapshotStore({dir, onProblem: (p) => problems.push(p)})
    await makeSmall(path.join(tmp, 'a'), 'shared content')
    await makeSmall(path.join(tmp, 'b'), 'shared content')
    const a = await store.save('a', path.join(tmp, 'a'))
    await store.save('b', path.join(tmp, 'b'))
    await fs.appendFile(await objectOf(dir, a.manifest, 'state.txt'), '!')
    expect(await store.verify('a')).toBe(false)
    expect(await store.verify('b')).toBe(false)
    expect(problems.map((p) => p.key)).toEqual(['a', 'b'])
  })

  it('prunes the least recently used snapshots to the size cap and collects their files', async () => {
    const dir = path.join(tmp, 'store')
    const probe = openSnapshotStore({dir: path.join(tmp, 'probe')})
    const sources: Record<string, string> = {}
    for (const name of ['a', 'b', 'c', 'd']) {
      sources[name] = path.join(tmp, `src-${name}`)
      await makeSmall(sources[name], randomBytes(20_000).toString('base64'))
    }
    await probe.save('p', sources.a!)
    const one = (await probe.stats()).bytes + 50
    const store = openSnapshotStore({dir, maxBytes: one * 3 + 100})
    await store.save('a', sources.a!)
    await store.save('b', sources.b!)
    await store.save('c', sources.c!)
    expect(await store.restore('a', path.join(tmp, 'use-a'))).toBe(true)
    await store.save('d', sources.d!)

    expect(await store.has('b')).toBe(false)
    for (const key of ['a', 'c', 'd']) expect(await store.has(key)).toBe(true)
    const stats = await store.stats()
    expect(stats).toMatchObject({pruned: 1, collected: 1, objects: 3, count: 3})
    expect(stats.bytes).toBeLessThanOrEqual(store.maxBytes)

    const tight = openSnapshotStore({dir, maxBytes: one + 100})
    expect((await tight.prune()).sort()).toEqual(['a', 'c'])
    expect(await tight.has('d')).toBe(true)
    expect(await tight.stats()).toMatchObject({objects: 1, count: 1})
    expect(await tight.restore('d', path.join(tmp, 'use-d'))).toBe(true)
  })

  it('garbage collection: keeps shared files, drops replaced ones, leaves fresh orphans their grace', async () => {
    const dir = path.join(tmp, 'store')
    const store = openSnapshotStore({dir})
    await makeSmall(path.join(tmp, 'a'), 'shared')
    await fs.writeFile(path.join(tmp, 'a', 'own.txt'), 'only a, first run')
    await makeSmall(path.join(tmp, 'b'), 'shared')
    await store.save('a', path.join(tmp, 'a'))
    await store.save('b', path.join(tmp, 'b'))
    expect((await store.stats()).objects).toBe(2)

    // A new run of chapter a replaces its snapshot: the old file goes.
    await fs.writeFile(path.join(tmp, 'a', 'own.txt'), 'only a, second run')
    await store.save('a', path.join(tmp, 'a'))
    expect(await store.stats()).toMatchObject({objects: 2, collected: 1})

    // A file no manifest names (a crashed save's): kept while fresh...
    const orphan = path.join(dir, 'objects', 'ab', 'c'.repeat(62))
    await fs.mkdir(path.dirname(orphan), {recursive: true})
    await fs.writeFile(orphan, 'left by a crash')
    const temp = path.join(dir, 'objects', '.tmp-1-dead')
    await fs.writeFile(temp, 'half written')
    const legacy = [path.join(dir, 'old.tgz'), path.join(dir, 'old.json')]
    for (const file of legacy) await fs.writeFile(file, 'first layout')
    await store.prune()
    await expect(fs.stat(orphan)).resolves.toBeTruthy()
    await expect(fs.stat(temp)).resolves.toBeTruthy()
    for (const file of legacy) await expect(fs.stat(file)).rejects.toThrow()
    // ...and collected once past it.
    const later = openSnapshotStore({dir, orphanGraceMs: 0})
    expect(await later.prune()).toEqual([])
    await expect(fs.stat(orphan)).rejects.toThrow()
    await expect(fs.stat(temp)).rejects.toThrow()
    expect(await later.stats()).toMatchObject({objects: 2, count: 2, collected: 1})
    for (const key of ['a', 'b']) expect(await later.verify(key)).toBe(true)
  })

  it('never shows a partial manifest or object under its final name', async () => {
    const dir = path.join(tmp, 'store')
    const store = openSnapshotStore({dir})
    const src = path.join(tmp, 'src')
    await makeSmall(src, randomBytes(300_000).toString('base64'))
    const old = await store.save('k', src)

    const events: string[] = []
    const manifests = path.join(dir, 'snapshots')
    let committed!: () => void
    const manifestWritten = new Promise<void>((resolve) => (committed = resolve))
    const watchers = [
      watch(manifests, (event, name) => {
        events.push(`${event}:${name}`)
        if (event === 'rename' && name === 'k.json') committed()
      }),
      watch(path.join(dir, 'objects'), (event, name) => events.push(`${event}:objects/${name}`))
    ]
    await fs.writeFile(path.join(src, 'state.txt'), randomBytes(300_000).toString('base64'))
    const fresh = await store.save('k', src)
    await manifestWritten
    for (const watcher of watchers) watcher.close()
    expect(fresh.sha256).not.toBe(old.sha256)
    // Written under temporary names, then renamed: final names only ever
    // appear whole.
    expect(events.some((e) => /^change:k\.json\.tmp-/.test(e))).toBe(true)
    expect(events).not.toContain('change:k.json')
    expect(events.some((e) => /^change:objects\/\.tmp-/.test(e))).toBe(true)

    // A failed save leaves the committed snapshot alone and no temp files.
    await expect(store.save('k', path.join(tmp, 'gone'))).rejects.toThrow()
    expect(await fs.readdir(manifests)).toEqual(['k.json'])
    expect((await fs.readdir(path.join(dir, 'objects'))).filter((n) => n.includes('.tmp-'))).toEqual([])
    expect(await store.verify('k')).toBe(true)
  })
})

/** Deterministic bytes that do not compress. */
function seeded(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size)
  let x = seed * 2654435761 || 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** The stored object holding `entryPath`'s content in a snapshot. */
async function objectOf(storeDir: string, manifest: string, entryPath: string): Promise<string> {
  const data = JSON.parse(await fs.readFile(manifest, 'utf8')) as {entries: {path: string; hash?: string}[]}
  const hash = data.entries.find((e) => e.path === entryPath)!.hash!
  return path.join(storeDir, 'objects', hash.slice(0, 2), hash.slice(2))
}
