import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isAlive} from '../../src/process/index.js'
import {requireTools} from '../runner/require-tools.js'
import {holdThenKill, until} from './fixtures/hold-then-kill.js'

/**
 * A SIGKILL of docs-verify runs none of its exit handlers: the reaper it
 * started (a bash in a session of its own, on a pipe) removes the
 * sandbox's directory and the emulator's container when the pipe closes.
 * Real SIGKILLs of a real Node process; the container case, on a real
 * Docker engine, is in reaper.e2e.test.ts.
 */
const ready = requireTools(['bash'])

describe.runIf(ready)('nothing left behind after a SIGKILL', () => {
  it('the sandbox directory is removed, and the reaper ends', async () => {
    const {root, children} = await holdThenKill('dir')
    expect(root).toMatch(/docs-verify-/)
    expect(children.length).toBeGreaterThan(0)
    expect(await until(() => !fs.existsSync(root), 10_000)).toBe(true)
    expect(await until(() => children.every((pid) => !isAlive(pid)), 10_000)).toBe(true)
  }, 60_000)
})
