import {describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  EmulatorUnavailableError,
  startGcsEmulator,
  isHealthy,
  checkBucket
} from '../../src/cloud/index.js'
import {fakeGcsServer} from './require-tool.js'

/** Running (a zombie awaiting its reaper counts as dead). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}

describe.skipIf(!fakeGcsServer)('binary backend (real fake-gcs-server)', () => {
  it('starts healthy on loopback, resets, and leaves no process after stop', async () => {
    const emulator = await startGcsEmulator({backend: 'binary', provision: false})
    expect(emulator.backend).toBe('binary')
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await isHealthy(emulator.endpoint)).toBe(true)

    const created = await fetch(`${emulator.endpoint}/storage/v1/b?project=p`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({name: 'reset-me'})
    })
    expect(created.status).toBe(200)
    expect((await checkBucket(emulator.endpoint, 'reset-me')).exists).toBe(true)
    await emulator.reset()
    expect((await checkBucket(emulator.endpoint, 'reset-me')).exists).toBe(false)

    const port = new URL(emulator.endpoint).port
    const {execFileSync} = await import('node:child_process')
    const pids = execFileSync('pgrep', ['-f', `fake-gcs-server.*-port ${port}`], {encoding: 'utf8'}).trim().split('\n').map(Number)
    expect(pids.length).toBe(1)
    await emulator.stop()
    await emulator.stop() // idempotent
    expect(alive(pids[0]!)).toBe(false)
    expect(await isHealthy(emulator.endpoint, 500)).toBe(false)
  })

  it('url backend health-checks an emulator the user runs and leaves it running on stop', async () => {
    const owned = await startGcsEmulator({backend: 'binary', provision: false})
    try {
      const external = await startGcsEmulator({backend: 'url', url: `${owned.endpoint}/`})
      expect(external).toMatchObject({backend: 'url', endpoint: owned.endpoint})
      await external.stop()
      expect(await isHealthy(owned.endpoint)).toBe(true)
    } finally {
      await owned.stop()
    }
    await expect(startGcsEmulator({backend: 'url', url: owned.endpoint})).rejects.toThrow(/healthcheck did not answer/)
    await expect(startGcsEmulator({backend: 'url', url: 'not a url'})).rejects.toThrow(/not an http\(s\) URL/)
  })
})

describe.skipIf(!fakeGcsServer)('process cleanup', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('kills the emulator when its Node process gets %s', async (signal) => {
    const {spawn, execFileSync} = await import('node:child_process')
    const fixtures = new URL('./fixtures/', import.meta.url)
    const child = spawn(process.execPath, ['--import', new URL('register-ts.mjs', fixtures).pathname, new URL('start-and-wait.ts', fixtures).pathname], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
      child.once('exit', () => reject(new Error(`child exited early: ${stderr}`)))
    })
    expect(await isHealthy(endpoint)).toBe(true)
    const port = new URL(endpoint).port
    const pid = Number(execFileSync('pgrep', ['-f', `fake-gcs-server.*-port ${port}`], {encoding: 'utf8'}).trim())
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)))
    child.kill(signal)
    expect(await exited).toBe(signal)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(alive(pid)).toBe(false)
    expect(await isHealthy(endpoint, 500)).toBe(false)
  })
})

describe('missing binary', () => {
  it('names what to install when neither fake-gcs-server nor Go is found', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'dv-cache-'))
    const error = await startGcsEmulator({backend: 'binary', cacheDir, env: {PATH: ''}}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EmulatorUnavailableError)
    expect(String(error)).toContain(`GOBIN=${cacheDir}/bin go install github.com/fsouza/fake-gcs-server@v1.55.1`)
    expect(String(error)).toContain('Go is not on PATH')
  })
})
