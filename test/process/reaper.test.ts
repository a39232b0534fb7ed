import {spawn} from 'node:child_process'
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isAlive, listProcesses} from '../../src/process/index.js'
import {dockerEngineMissing, gcsContainers} from '../cloud/docker-engine.js'
import {requireTools} from '../runner/require-tools.js'

/**
 * A SIGKILL of docs-verify runs none of its exit handlers: the reaper it
 * started (a bash in a session of its own, on a pipe) removes the
 * sandbox's directory and the emulator's container when the pipe closes.
 * Real SIGKILLs of a real Node process; the container case on a real
 * Docker engine.
 */
const ready = requireTools(['bash'])
const fixtures = new URL('./fixtures/', import.meta.url)
const registerTs = new URL('../cloud/fixtures/register-ts.mjs', import.meta.url).pathname

async function until(probe: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!probe()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return true
}

function reapersOf(pid: number): number[] {
  return listProcesses()
    .filter((entry) => entry.ppid === pid && entry.state !== 'Z')
    .map((entry) => entry.pid)
}

/** Start the fixture, wait for what it made, SIGKILL it. */
async function holdThenKill(mode: 'dir' | 'container'): Promise<{root: string; endpoint: string | null; pid: number; children: number[]}> {
  const child = spawn(process.execPath, ['--import', registerTs, new URL('hold-and-wait.ts', fixtures).pathname, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...process.env, TESTCONTAINERS_RYUK_DISABLED: 'true'}
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const made = await new Promise<{root: string; endpoint: string | null}>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString())))
    child.once('exit', () => reject(new Error(`the fixture exited early: ${stderr}`)))
  })
  const children = reapersOf(child.pid!)
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  return {...made, pid: child.pid!, children}
}

describe.runIf(ready)('nothing left behind after a SIGKILL', () => {
  it('the sandbox directory is removed, and the reaper ends', async () => {
    const {root, children} = await holdThenKill('dir')
    expect(root).toMatch(/docs-verify-/)
    expect(children.length).toBeGreaterThan(0)
    expect(await until(() => !fs.existsSync(root), 10_000)).toBe(true)
    expect(await until(() => children.every((pid) => !isAlive(pid)), 10_000)).toBe(true)
  }, 60_000)

  const engineMissing = dockerEngineMissing()
  it.skipIf(engineMissing !== null)('the emulator container is removed too (real Docker engine)', async () => {
    const {root, endpoint, pid} = await holdThenKill('container')
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await until(() => gcsContainers(pid).length === 0, 30_000)).toBe(true)
    expect(await until(() => !fs.existsSync(root), 10_000)).toBe(true)
  }, 180_000)
})
