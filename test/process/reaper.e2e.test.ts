import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {dockerEngineMissing, gcsContainers} from '../cloud/docker-engine.js'
import {requireTools} from '../runner/require-tools.js'
import {holdThenKill, until} from './fixtures/hold-then-kill.js'

/**
 * A SIGKILL of docs-verify runs none of its exit handlers: the reaper it
 * started removes the emulator's container when the pipe closes. A real
 * SIGKILL of a real Node process, on a real Docker engine (the sandbox
 * folder case is in reaper.test.ts).
 */
const ready = requireTools(['bash'])

describe.runIf(ready)('nothing left behind after a SIGKILL (real Docker engine)', () => {
  const engineMissing = dockerEngineMissing()
  it.skipIf(engineMissing !== null)('the emulator container is removed too (real Docker engine)', async () => {
    const {root, endpoint, pid} = await holdThenKill('container')
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await until(() => gcsContainers(pid).length === 0, 30_000)).toBe(true)
    expect(await until(() => !fs.existsSync(root), 10_000)).toBe(true)
  }, 180_000)
})
