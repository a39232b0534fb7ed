import {mkdtemp, mkdir, readFile, readlink, rm, stat, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {relocateTree} from '../../src/verify/lib/relocate-tree.js'

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, {recursive: true, force: true})
})

describe('relocateTree', () => {
  it('moves a venv-like tree from its old sandbox path to the new one, scripts, links and modes included', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-'))
    made.push(root)
    const old = '/tmp/docs-verify-AAAAAA'
    await mkdir(path.join(root, 'work/.venv/bin'), {recursive: true})
    await writeFile(path.join(root, 'work/.venv/bin/dvc'), `#!${old}/work/.venv/bin/python\nimport dvc\n`, {mode: 0o755})
    await writeFile(path.join(root, 'work/.venv/pyvenv.cfg'), `home = /usr/bin\ncommand = /usr/bin/python3 -m venv ${old}/work/.venv\n`)
    await writeFile(path.join(root, 'run-state.sh'), `declare -x PWD="${old}/work"\ndeclare -x VIRTUAL_ENV="${old}/work/.venv"\n`)
    await writeFile(path.join(root, 'data.bin'), Buffer.from([0, 1, 2, 3]))
    await symlink(`${old}/work/.venv/bin/dvc`, path.join(root, 'work/dvc-link'))

    const changed = await relocateTree(root, old, root)

    expect(changed).toBe(4)
    expect(await readFile(path.join(root, 'work/.venv/bin/dvc'), 'utf8')).toBe(`#!${root}/work/.venv/bin/python\nimport dvc\n`)
    expect((await stat(path.join(root, 'work/.venv/bin/dvc'))).mode & 0o777).toBe(0o755)
    expect(await readFile(path.join(root, 'run-state.sh'), 'utf8')).not.toContain(old)
    expect(await readlink(path.join(root, 'work/dvc-link'))).toBe(`${root}/work/.venv/bin/dvc`)
    expect([...(await readFile(path.join(root, 'data.bin')))]).toEqual([0, 1, 2, 3])
  })

  it('changes nothing when the paths are the same', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-'))
    made.push(root)
    await writeFile(path.join(root, 'a'), root)
    expect(await relocateTree(root, root, root)).toBe(0)
  })
})
