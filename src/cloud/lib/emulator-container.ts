import {importContainerPackage} from './container-packages.js'
import {resetEmulator, waitForHealthy} from './emulator-health.js'
import type {GcsEmulator, EmulatorLog} from './emulator-types.js'

/** Pinned image: same fake-gcs-server release as the binary backend. */
export const FAKE_GCS_SERVER_IMAGE = 'fsouza/fake-gcs-server:1.55.1'

/** Whether a container runtime answered. */
export type RuntimeProbe = {available: true} | {available: false; reason: string}

/** A started emulator container, as the runtime reports it. */
export interface StartedGcsContainer {
  /** `http://HOST:PORT` as mapped on this machine. */
  endpoint: string
  stop(): Promise<void>
}

/**
 * What the container backend needs from a container runtime. The real one
 * wraps testcontainers; tests pass a fake (there is no Docker engine here).
 */
export interface ContainerRuntime {
  probe(): Promise<RuntimeProbe>
  startGcs(image: string): Promise<StartedGcsContainer>
}

/** Options for {@link startContainerEmulator}. */
export interface ContainerEmulatorOptions {
  runtime?: ContainerRuntime
  image?: string
  log?: EmulatorLog
}

/**
 * The real runtime: testcontainers' runtime discovery and
 * `CloudStorageEmulatorContainer`. Loaded lazily so the binary path never
 * pays for importing testcontainers.
 */
export function testcontainersRuntime(probeTimeoutMs = 5000): ContainerRuntime {
  return {
    async probe() {
      try {
        const {getContainerRuntimeClient} = await importContainerPackage('testcontainers', () => import('testcontainers'))
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs)
        })
        try {
          await Promise.race([getContainerRuntimeClient(), timeout])
        } finally {
          clearTimeout(timer)
        }
        return {available: true}
      } catch (error) {
        return {available: false, reason: error instanceof Error ? error.message : String(error)}
      }
    },
    async startGcs(image) {
      const {CloudStorageEmulatorContainer} = await importContainerPackage('@testcontainers/gcloud', () => import('@testcontainers/gcloud'))
      const started = await new CloudStorageEmulatorContainer(image).start()
      return {
        endpoint: started.getEmulatorEndpoint(),
        stop: async () => {
          await started.stop()
        }
      }
    }
  }
}

/** Probe a runtime without starting anything. */
export async function probeContainerRuntime(runtime: ContainerRuntime = testcontainersRuntime()): Promise<RuntimeProbe> {
  return runtime.probe()
}

/**
 * Start fake-gcs-server in a container. Throws when no runtime answers; the
 * `auto` backend catches that and falls back to the binary.
 */
export async function startContainerEmulator(options: ContainerEmulatorOptions = {}): Promise<GcsEmulator> {
  const runtime = options.runtime ?? testcontainersRuntime()
  const image = options.image ?? FAKE_GCS_SERVER_IMAGE
  const probe = await runtime.probe()
  if (!probe.available) throw new ContainerRuntimeUnavailableError(probe.reason)
  options.log?.(`fake-gcs-server: starting container ${image}`)
  const started = await runtime.startGcs(image)
  const endpoint = started.endpoint.replace(/\/+$/, '')
  try {
    await waitForHealthy(endpoint)
  } catch (error) {
    await started.stop()
    throw error
  }
  let stopped: Promise<void> | undefined
  return {
    backend: 'container',
    endpoint,
    stop: () => {
      stopped ??= started.stop()
      return stopped
    },
    reset: () => resetEmulator(endpoint)
  }
}

/** No container runtime answered the probe. */
export class ContainerRuntimeUnavailableError extends Error {
  readonly reason: string
  constructor(reason: string) {
    super(`no container runtime: ${reason}`)
    this.name = 'ContainerRuntimeUnavailableError'
    this.reason = reason
  }
}
