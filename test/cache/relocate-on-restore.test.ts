import {lstat, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openSnapshotStore} from '../../src/cache/index.js'

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, {recursive: true, force: true})
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** A venv-like sandbox whose files name its own folder, as the seed
 * guide's do (scripts, pyvenv.cfg, .pyc files, the shell state). */
async function sandboxNamingItself(root: string): Promise<void> {
  await mkdir(path.join(root, 'work/.venv/bin'), {recursive: true})
  await writeFile(path.join(root, 'work/.venv/bin/dvc'), `#!${root}/work/.venv/bin/python\nimport dvc\n`, {mode: 0o755})
  await writeFile(path.join(root, 'work/.venv/mod.pyc'), Buffer.concat([Buffer.from([0xa7, 0x0d, 0, 0]), Buffer.from(`${root}/work/.venv/mod.py`), Buffer.from([0, 1])]))
  await writeFile(path.join(root, 'plain.txt'), 'nothing about where it lives\n')
  // Data, not a place a tool keeps its path: left as it is.
  await writeFile(path.join(root, 'big.bin'), Buffer.concat([Buffer.alloc(4 * 1024 * 1024 + 1), Buffer.from(root)]))
  await symlink(`${root}/work/.venv/bin/dvc`, path.join(root, 'work/dvc-link'))
  await utimes(path.join(root, 'work/.venv/mod.pyc'), 1_700_000_000, 1_700_000_000)
}

describe('restore moves the saved folder\'s paths while copying (real files)', () => {
  it('rewrites only the files that name the saved folder, keeps modes and mtimes, leaves the store as saved', async () => {
    const parent = await tempDir('dv-relocate-')
    // Same length, as two sandbox roots under one temp folder.
    const from = path.join(parent, 'docs-verify-AAAAAA')
    const to = path.join(parent, 'docs-verify-BBBBBB')
    await sandboxNamingItself(from)
    const store = openSnapshotStore({dir: path.join(parent, 'store')})
    const info = await store.save('chapter-1', from)
    expect(info.relocatable).toBe(true)

    expect(await store.restore('chapter-1', to, {relocateTo: to})).toBe(true)
    expect(await readFile(path.join(to, 'work/.venv/bin/dvc'), 'utf8')).toBe(`#!${to}/work/.venv/bin/python\nimport dvc\n`)
    expect((await stat(path.join(to, 'work/.venv/bin/dvc'))).mode & 0o777).toBe(0o755)
    const pyc = await readFile(path.join(to, 'work/.venv/mod.pyc'))
    expect(pyc.includes(Buffer.from(`${to}/work/.venv/mod.py`))).toBe(true)
    expect(pyc.includes(Buffer.from(from))).toBe(false)
    expect((await lstat(path.join(to, 'work/.venv/mod.pyc'))).mtimeMs).toBe(1_700_000_000_000)
    expect(await readlink(path.join(to, 'work/dvc-link'))).toBe(`${to}/work/.venv/bin/dvc`)
    expect(await readFile(path.join(to, 'plain.txt'), 'utf8')).toBe('nothing about where it lives\n')
    expect((await readFile(path.join(to, 'big.bin'))).includes(Buffer.from(from))).toBe(true)

    // The store's copy still names the saved folder: restored verbatim.
    const again = path.join(parent, 'docs-verify-CCCCCC')
    expect(await store.restore('chapter-1', again)).toBe(true)
    expect(await readFile(path.join(again, 'work/.venv/bin/dvc'), 'utf8')).toBe(`#!${from}/work/.venv/bin/python\nimport dvc\n`)
    expect(await readlink(path.join(again, 'work/dvc-link'))).toBe(`${from}/work/.venv/bin/dvc`)
  })
})
