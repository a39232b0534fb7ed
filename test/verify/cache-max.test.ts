import {describe, expect, it} from 'vitest'
import {parseCacheMax, userSnapshotStore} from '../../src/verify/lib/snapshots.js'
import {InputError} from '../../src/verify/lib/input-error.js'

describe('DOCS_VERIFY_CACHE_MAX: the snapshot store cap a user sets', () => {
  it('reads bytes and K/M/G/T sizes', () => {
    expect(parseCacheMax('20G')).toBe(20 * 1024 ** 3)
    expect(parseCacheMax('1.5g')).toBe(1.5 * 1024 ** 3)
    expect(parseCacheMax('500MiB')).toBe(500 * 1024 ** 2)
    expect(parseCacheMax('4096')).toBe(4096)
  })

  it('caps the user store, and the default stays when unset', () => {
    const env = {XDG_CACHE_HOME: '/nonexistent-docs-verify-cache'}
    expect(userSnapshotStore({...env, DOCS_VERIFY_CACHE_MAX: '12G'}).maxBytes).toBe(12 * 1024 ** 3)
    expect(userSnapshotStore(env).maxBytes).toBe(5 * 1024 ** 3)
  })

  it('a value that is not a size is an input error naming the variable and an example', () => {
    for (const bad of ['lots', '0', '-1G', '10X']) {
      expect(() => parseCacheMax(bad)).toThrow(InputError)
      expect(() => parseCacheMax(bad)).toThrow(`DOCS_VERIFY_CACHE_MAX=${bad} is not a size`)
    }
  })
})
