import {describe, expect, it} from 'vitest'
import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  ContainerRuntimeUnavailableError,
  EmulatorUnavailableError,
  FAKE_GCS_SERVER_IMAGE,
  isHealthy,
  ContainerStartError,
  probeContainerRuntime,
  startBinaryEmulator,
  startContainerEmulator,
  startGcsEmulator
} from '../../src/cloud/index.js'
import type {ContainerRuntime, GcsEmulator} from '../../src/cloud/index.js'
import {dockerEngineMissing, gcsContainers} from './docker-engine.js'
import {fakeGcsServer} from './require-tool.js'

const engineMissing = dockerEngineMissing()

/** A fake runtime whose "container" is the real fake-gcs-server binary. */
function fakeRuntime(binary: string, calls: string[]): ContainerRuntime {
  return {
    async probe() {
      calls.push('probe')
      return {available: true}
    },
    async startGcs(image) {
      calls.push(`start ${image}`)
      const inner: GcsEmulator = await startBinaryEmulator({binary})
      return {endpoint: inner.endpoint.replace('127.0.0.1', 'localhost') + '/', stop: () => inner.stop()}
    }
  }
}

/** The environment as a user has it: nothing said about testcontainers' reaper. */
function withoutRyukSetting(): NodeJS.ProcessEnv {
  const env = {...process.env}
  delete env.TESTCONTAINERS_RYUK_DISABLED
  return env
}

const noRuntime: ContainerRuntime = {
  probe: async () => ({available: false, reason: 'Could not find a working container runtime strategy'}),
  startGcs: async () => {
    throw new Error('must not start without a runtime')
  }
}

describe.skipIf(engineMissing !== null)('container backend on a real Docker engine', () => {
  it('probes the engine, starts the pinned image on a loopback port, stop removes the container', {timeout: 180_000}, async () => {
    // docs-verify turns testcontainers' own reaper off itself: no registry
    // answers here, so pulling the reaper's image would fail this test.
    delete process.env.TESTCONTAINERS_RYUK_DISABLED
    expect(await probeContainerRuntime()).toEqual({available: true})
    const emulator = await startGcsEmulator({backend: 'container'})
    try {
      expect(emulator.backend).toBe('container')
      expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const response = await fetch(`${emulator.endpoint}/storage/v1/b`)
      expect(await response.json()).toMatchObject({kind: 'storage#buckets'})
      expect(gcsContainers()).toHaveLength(1)
    } finally {
      await emulator.stop()
    }
    expect(gcsContainers()).toEqual([])
    expect(await isHealthy(emulator.endpoint, 500)).toBe(false)
  })

  it.each(['SIGINT', 'SIGTERM'] as const)('removes the container when its Node process gets %s', {timeout: 180_000}, async (signal) => {
    const fixtures = new URL('./fixtures/', import.meta.url)
    const child = spawn(
      process.execPath,
      ['--import', new URL('register-ts.mjs', fixtures).pathname, new URL('start-and-wait.ts', fixtures).pathname, 'container'],
      {stdio: ['ignore', 'pipe', 'pipe'], env: withoutRyukSetting()}
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
      child.once('exit', () => reject(new Error(`child exited early: ${stderr}`)))
    })
    expect(await isHealthy(endpoint)).toBe(true)
    expect(gcsContainers(child.pid)).toHaveLength(1)
    const exited = new Promise<string>((resolve) => child.once('exit', (code, sig) => resolve(sig ?? `exit ${code}`)))
    child.kill(signal)
    // testcontainers listens for signals too, so docs-verify exits 128+n.
    expect(await exited).toBe(signal === 'SIGINT' ? 'exit 130' : 'exit 143')
    expect(gcsContainers(child.pid)).toEqual([])
    expect(await isHealthy(endpoint, 500)).toBe(false)
  })

  it('a start that fails (an image that is not there) says what to do and leaves no container', {timeout: 180_000}, async () => {
    delete process.env.TESTCONTAINERS_RYUK_DISABLED
    const error = await startContainerEmulator({image: 'docs-verify/not-built:0'}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContainerStartError)
    expect(String(error)).toContain('the container docs-verify/not-built:0 did not start')
    expect(String(error)).toContain('scripts/build-fake-gcs-server-image.sh')
    expect(gcsContainers()).toEqual([])
  })
})

describe('container backend', () => {
  it.skipIf(!fakeGcsServer)('fake runtime: starts the pinned image and health-checks it', async () => {
    const calls: string[] = []
    const emulator = await startGcsEmulator({backend: 'container', runtime: fakeRuntime(fakeGcsServer!, calls)})
    try {
      expect(calls).toEqual(['probe', `start ${FAKE_GCS_SERVER_IMAGE}`])
      expect(FAKE_GCS_SERVER_IMAGE).toBe('fsouza/fake-gcs-server:1.55.1')
      expect(emulator.backend).toBe('container')
      expect(emulator.endpoint).not.toMatch(/\/$/)
      expect(await isHealthy(emulator.endpoint)).toBe(true)
    } finally {
      await emulator.stop()
    }
    expect(await isHealthy(emulator.endpoint, 500)).toBe(false)
  })

  it('fake runtime unavailable: explicit container backend throws ContainerRuntimeUnavailableError', async () => {
    await expect(startGcsEmulator({backend: 'container', runtime: noRuntime})).rejects.toBeInstanceOf(
      ContainerRuntimeUnavailableError
    )
  })

  it.skipIf(!fakeGcsServer)('fake runtime unavailable: auto falls back to the binary', async () => {
    const logs: string[] = []
    const emulator = await startGcsEmulator({backend: 'auto', runtime: noRuntime, provision: false, log: (m) => logs.push(m)})
    try {
      expect(emulator.backend).toBe('binary')
      expect(await isHealthy(emulator.endpoint)).toBe(true)
      expect(logs.join('\n')).toMatch(/no container runtime .*using the binary/)
    } finally {
      await emulator.stop()
    }
  })

  it.skipIf(!fakeGcsServer)('fake runtime whose container does not start: auto falls back to the binary, saying why', async () => {
    const logs: string[] = []
    const failing: ContainerRuntime = {
      probe: async () => ({available: true}),
      startGcs: async () => {
        throw new Error('pull access denied for fsouza/fake-gcs-server')
      }
    }
    const emulator = await startGcsEmulator({backend: 'auto', runtime: failing, provision: false, log: (m) => logs.push(m)})
    try {
      expect(emulator.backend).toBe('binary')
      expect(logs.join('\n')).toMatch(/did not start: pull access denied .*using the binary/)
    } finally {
      await emulator.stop()
    }
    await expect(startGcsEmulator({backend: 'container', runtime: failing})).rejects.toBeInstanceOf(ContainerStartError)
  })

  it('fake runtime unavailable and no binary nor Go: auto says what to install', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'dv-cache-'))
    const error = await startGcsEmulator({backend: 'auto', runtime: noRuntime, cacheDir, env: {PATH: ''}}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EmulatorUnavailableError)
    const message = String(error)
    expect(message).toContain('Docker')
    expect(message).toContain('go install github.com/fsouza/fake-gcs-server@v1.55.1')
    expect(message).toContain('--gcs url --gcs-url http://127.0.0.1:PORT')
    expect(message).toContain('Could not find a working container runtime strategy')
  })
})
