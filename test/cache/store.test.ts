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

  const corruptions: [string, (archive: string, manifest: string) => Promise<void>, RegExp][] = [
    [
      'a flipped byte',
      async (archive) => {
        const bytes = await fs.readFile(archive)
        const at = Math.floor(bytes.length / 2)
        bytes[at] = bytes[at]! ^ 0xff
        await fs.writeFile(archive, bytes)
      },
      /checksum/
    ],
    ['a truncated archive', async (archive) => fs.truncate(archive, 10), /truncated/],
    ['a removed manifest', async (_archive, manifest) => fs.rm(manifest), /without a manifest/],
    ['a garbled manifest', async (_archive, manifest) => fs.writeFile(manifest, '{"format":1,'), /not valid JSON/]
  ]

  for (const [name, corrupt, reason] of corruptions) {
    it(`detects ${name}, deletes the snapshot and rebuilds it`, async () => {
      const problems: SnapshotProblem[] = []
      const dir = path.join(tmp, 'store')
      const store = openSnapshotStore({dir, onProblem: (p) => problems.push(p)})
      const src = path.join(tmp, 'src')
      await makeSmall(src, randomBytes(4096).toString('hex'))
      const info = await store.save('k', src)
      await corrupt(info.archive, path.join(dir, 'k.json'))

      const dest = path.join(tmp, 'dest')
      expect(await store.restore('k', dest)).toBe(false)
      expect(problems).toHaveLength(1)
      expect(problems[0]!.key).toBe('k')
      expect(problems[0]!.reason).toMatch(reason)
      expect(await fs.readdir(dir)).toEqual([])
      await expect(fs.stat(dest)).rejects.toThrow()

      await store.save('k', src)
      expect(await store.restore('k', dest)).toBe(true)
      expect(await describeTree(dest)).toEqual(await describeTree(src))
      expect(await store.stats()).toMatchObject({corrupted: 1, hits: 1, misses: 1, saves: 2})
    })
  }

  it('prunes the least recently used snapshots to the size cap', async () => {
    const dir = path.join(tmp, 'store')
    const probe = openSnapshotStore({dir: path.join(tmp, 'probe')})
    // Random content does not compress: every snapshot has about one size.
    const sources: Record<string, string> = {}
    for (const name of ['a', 'b', 'c', 'd']) {
      sources[name] = path.join(tmp, `src-${name}`)
      await makeSmall(sources[name], randomBytes(20_000).toString('base64'))
    }
    const one = (await probe.save('p', sources.a!)).bytes + 200
    const store = openSnapshotStore({dir, maxBytes: one * 3 + 100})
    await store.save('a', sources.a!)
    await store.save('b', sources.b!)
    await store.save('c', sources.c!)
    expect(await store.restore('a', path.join(tmp, 'use-a'))).toBe(true)
    await store.save('d', sources.d!)

    expect(await store.has('b')).toBe(false)
    for (const key of ['a', 'c', 'd']) expect(await store.has(key)).toBe(true)
    const stats = await store.stats()
    expect(stats.pruned).toBe(1)
    expect(stats.bytes).toBeLessThanOrEqual(store.maxBytes)

    const tight = openSnapshotStore({dir, maxBytes: one + 100})
    expect((await tight.prune()).sort()).toEqual(['a', 'c'])
    expect(await tight.has('d')).toBe(true)
  })

  it('never shows a partial archive under its final name', async () => {
    const dir = path.join(tmp, 'store')
    await fs.mkdir(dir)
    const store = openSnapshotStore({dir})
    const src = path.join(tmp, 'src')
    await makeSmall(src, randomBytes(300_000).toString('base64'))
    const old = await store.save('k', src)

    const events: string[] = []
    let committed!: () => void
    const manifestWritten = new Promise<void>((resolve) => (committed = resolve))
    const watcher = watch(dir, (event, name) => {
      events.push(`${event}:${name}`)
      // The old manifest is removed first and the new one renamed into
      // place last: at its second event every earlier one is in.
      if (events.filter((e) => e === 'rename:k.json').length === 2) committed()
    })
    await fs.writeFile(path.join(src, 'state.txt'), randomBytes(300_000).toString('base64'))
    const fresh = await store.save('k', src)
    await manifestWritten
    watcher.close()
    expect(fresh.sha256).not.toBe(old.sha256)
    // Written under a temporary name, then renamed: the final name only
    // ever appears whole (a direct write would show `change:k.tgz`).
    expect(events.some((e) => /^change:k\.tgz\.tmp-/.test(e))).toBe(true)
    expect(events).not.toContain('change:k.tgz')
    expect(events).toContain('rename:k.tgz')

    // A failed save leaves the committed snapshot alone and no temp files.
    await expect(store.save('k', path.join(tmp, 'gone'))).rejects.toThrow()
    expect((await fs.readdir(dir)).sort()).toEqual(['k.json', 'k.tgz'])
    expect(await store.verify('k')).toBe(true)
  })
})
