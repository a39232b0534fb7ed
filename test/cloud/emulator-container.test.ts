import {describe, expect, it} from 'vitest'
import {mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  ContainerRuntimeUnavailableError,
  EmulatorUnavailableError,
  FAKE_GCS_SERVER_IMAGE,
  isHealthy,
  probeContainerRuntime,
  startBinaryEmulator,
  startGcsEmulator,
  testcontainersRuntime
} from '../../src/cloud/index.js'
import type {ContainerRuntime, GcsEmulator} from '../../src/cloud/index.js'
import {fakeGcsServer} from './require-tool.js'

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

const noRuntime: ContainerRuntime = {
  probe: async () => ({available: false, reason: 'Could not find a working container runtime strategy'}),
  startGcs: async () => {
    throw new Error('must not start without a runtime')
  }
}

describe('container backend', () => {
  it('real testcontainers probe reports no runtime here, quickly, without hanging', async () => {
    const probe = await probeContainerRuntime(testcontainersRuntime(10_000))
    expect(probe.available).toBe(false)
    if (!probe.available) expect(probe.reason).toMatch(/container runtime/i)
  })

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
