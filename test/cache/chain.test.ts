import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {canonicalJson, chainKeys, openSnapshotStore, planChain, snapshotKey} from '../../src/cache/index.js'
import type {SnapshotStore} from '../../src/cache/index.js'

let tmp: string
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dv-chain-'))
})
afterEach(async () => {
  await fs.rm(tmp, {recursive: true, force: true})
})

const config = {placeholders: {'my project id': 'mlops-project'}, region: 'europe-west6'}
const salt = 'docs-verify@0.1.0'

function plans(): {slug: string; plan: unknown}[] {
  return [1, 2, 3, 4].map((n) => ({
    slug: `chapter-${n}`,
    plan: {slug: `chapter-${n}`, steps: [{id: `command@${n * 10}`, text: `echo ${n}`}]}
  }))
}

/** Run the chain as the orchestrator would: save a snapshot per chapter. */
async function saveAll(store: SnapshotStore, keys: {slug: string; key: string}[]): Promise<void> {
  for (const {slug, key} of keys) {
    const dir = path.join(tmp, 'work', slug)
    await fs.mkdir(dir, {recursive: true})
    await fs.writeFile(path.join(dir, 'done.txt'), slug)
    await store.save(key, dir, {slug})
  }
}

describe('snapshot keys', () => {
  it('hash canonical JSON: key order does not matter, content does', () => {
    expect(canonicalJson({b: 1, a: [{d: undefined, c: 'x'}]})).toBe('{"a":[{"c":"x"}],"b":1}')
    const a = snapshotKey({plan: {x: 1, y: 2}, config, parentKey: null, salt})
    const b = snapshotKey({plan: {y: 2, x: 1}, config, parentKey: null, salt})
    expect(a).toBe(b)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(snapshotKey({plan: {x: 1, y: 3}, config, parentKey: null, salt})).not.toBe(a)
    expect(snapshotKey({plan: {x: 1, y: 2}, config, parentKey: a, salt})).not.toBe(a)
    expect(snapshotKey({plan: {x: 1, y: 2}, config, parentKey: null, salt: 'other'})).not.toBe(a)
    expect(snapshotKey({plan: {x: 1, y: 2}, config: {}, parentKey: null, salt})).not.toBe(a)
  })

  it('chain: an edit of chapter N changes the keys of N and after only', () => {
    const before = chainKeys(plans(), config, salt)
    const edited = plans()
    edited[2]!.plan = {...(edited[2]!.plan as object), title: 'edited'}
    const after = chainKeys(edited, config, salt)
    expect(after.map((c, i) => c.key === before[i]!.key)).toEqual([true, true, false, false])
  })
})

describe('planChain', () => {
  it('restores the whole chain on a hit, nothing on a cold cache', async () => {
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    const keys = chainKeys(plans(), config, salt)
    expect(await planChain(keys, store)).toEqual({
      restoreFrom: null,
      run: ['chapter-1', 'chapter-2', 'chapter-3', 'chapter-4']
    })
    await saveAll(store, keys)
    expect(await planChain(keys, store)).toEqual({restoreFrom: keys[3], run: []})
  })

  it('after an edit of chapter 3: restores chapter 2, runs 3 and 4', async () => {
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    await saveAll(store, chainKeys(plans(), config, salt))
    const edited = plans()
    edited[2]!.plan = {slug: 'chapter-3', steps: [{id: 'command@30', text: 'echo three'}]}
    const keys = chainKeys(edited, config, salt)
    const result = await planChain(keys, store)
    expect(result).toEqual({restoreFrom: {slug: 'chapter-2', key: keys[1]!.key}, run: ['chapter-3', 'chapter-4']})
    const dest = path.join(tmp, 'sandbox')
    expect(await store.restore(result.restoreFrom!.key, dest)).toBe(true)
    expect(await fs.readFile(path.join(dest, 'done.txt'), 'utf8')).toBe('chapter-2')
  })

  it('skips a corrupted snapshot and resumes from the one before', async () => {
    const store = openSnapshotStore({dir: path.join(tmp, 'store')})
    const keys = chainKeys(plans(), config, salt)
    await saveAll(store, keys)
    const info = await store.info(keys[3]!.key)
    const {entries} = JSON.parse(await fs.readFile(info!.manifest, 'utf8')) as {entries: {path: string; hash?: string}[]}
    const hash = entries.find((e) => e.path === 'done.txt')!.hash!
    const object = path.join(tmp, 'store', 'objects', hash.slice(0, 2), hash.slice(2))
    const bytes = await fs.readFile(object)
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01
    await fs.chmod(object, 0o644)
    await fs.writeFile(object, bytes)
    expect(await planChain(keys, store)).toEqual({restoreFrom: keys[2], run: ['chapter-4']})
    expect(await store.has(keys[3]!.key)).toBe(false)
  })
})
