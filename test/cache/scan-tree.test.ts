import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {openObjectStore} from '../../src/cache/lib/object-store.js'
import type {ObjectStore} from '../../src/cache/lib/object-store.js'
import {scanTree} from '../../src/cache/lib/scan-tree.js'

let tmp: string
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dv-scan-'))
})
afterEach(async () => {
  await fs.rm(tmp, {recursive: true, force: true})
})

describe('scanTree', () => {
  it('skips a file removed while the tree is read (a temp file of a process still running), keeps the rest', async () => {
    const root = path.join(tmp, 'sandbox')
    await fs.mkdir(path.join(root, 'tmp'), {recursive: true})
    await fs.writeFile(path.join(root, 'kept.txt'), 'kept')
    await fs.writeFile(path.join(root, 'tmp', 'autograph_123.py'), 'gone soon')
    const real = openObjectStore(path.join(tmp, 'objects'))
    // The file disappears between the directory listing and its read.
    const racing: ObjectStore = {
      ...real,
      add: async (file, size) => {
        if (file.endsWith('autograph_123.py')) await fs.rm(file)
        return real.add(file, size)
      }
    }
    const entries = await scanTree(root, racing)
    expect(entries.map((entry) => `${entry.type} ${entry.path}`)).toEqual(['file kept.txt', 'dir tmp'])
  })

  it('any other read error still fails the save', async () => {
    const root = path.join(tmp, 'sandbox')
    await fs.mkdir(root)
    await fs.writeFile(path.join(root, 'a.txt'), 'a')
    const real = openObjectStore(path.join(tmp, 'objects'))
    const failing: ObjectStore = {
      ...real,
      add: async () => {
        throw Object.assign(new Error('EIO: i/o error, read'), {code: 'EIO'})
      }
    }
    await expect(scanTree(root, failing)).rejects.toThrow(/EIO/)
  })
})
