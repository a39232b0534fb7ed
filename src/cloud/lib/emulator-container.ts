import {spawnSync} from 'node:child_process'
import {reapOnKill, releaseOnKill, trackCloser} from '../../process/index.js'
import {importContainerPackage} from './container-packages.js'
import {resetEmulator, waitForHealthy} from './emulator-health.js'
import {freeLoopbackPort} from './free-port.js'
import type {GcsEmulator, EmulatorLog} from './emulator-types.js'

/** Pinned image: same fake-gcs-server release as the binary backend. */
export const FAKE_GCS_SERVER_IMAGE = 'fsouza/fake-gcs-server:1.55.1'

/** Label on every emulator container: the pid of the docs-verify that
 * started it, to find what a run left behind. */
export const ownerLabel = 'org.docs-verify.pid'

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
      leaveReapingToDocsVerify()
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
      leaveReapingToDocsVerify()
      const {CloudStorageEmulatorContainer} = await importContainerPackage('@testcontainers/gcloud', () => import('@testcontainers/gcloud'))
      /**
       * On the host's network, on a free loopback port: the default bridge
       * would put the emulator on a private address, and the base class's
       * `-host 0.0.0.0` would expose it beyond this machine there (a later
       * `-host` wins). The sandbox's gcloud and DVC then reach it as they
       * reach the binary backend's.
       */
      class HostNetworkGcsContainer extends CloudStorageEmulatorContainer {
        createdId: string | undefined
        constructor(port: number) {
          super(image)
          // Nothing to publish on the host's network; testcontainers would
          // otherwise wait for a port binding that never comes.
          this.exposedPorts = []
          this.createOpts.ExposedPorts = {}
          this.hostConfig.PortBindings = {}
          const hostPort = `127.0.0.1:${port}`
          this.withNetworkMode('host')
            .withLabels({[ownerLabel]: String(process.pid)})
            .withExternalURL(`http://${hostPort}`)
            .withPublicHost(hostPort)
            .withCommand(['-host', '127.0.0.1', '-port', String(port), '-backend', 'memory'])
        }
        protected override async containerCreated(id: string): Promise<void> {
          this.createdId = id
          // A SIGKILL runs no exit handler: the reaper removes it then.
          reapOnKill({container: id})
        }
      }
      const port = await freeLoopbackPort()
      const container = new HostNetworkGcsContainer(port)
      let started
      // With the reaper off nothing else removes the container if this
      // process ends early (Ctrl-C, SIGTERM, an exit without cleanup).
      const atExit = trackCloser(() => {
        if (container.createdId) removeContainerSync(container.createdId)
      })
      try {
        started = await container.start()
      } catch (error) {
        atExit.release()
        // A container that never became ready is still there: with the
        // reaper off nobody else removes it.
        if (container.createdId) {
          await removeContainer(container.createdId)
          releaseOnKill({container: container.createdId})
        }
        throw new Error(`${error instanceof Error ? error.message : String(error)}${startHint(error)}`, {cause: error})
      }
      return {
        endpoint: `http://127.0.0.1:${port}`,
        stop: async () => {
          await started.stop({remove: true, timeout: 0})
          atExit.release()
          if (container.createdId) releaseOnKill({container: container.createdId})
        }
      }
    }
  }
}

/**
 * docs-verify removes its containers itself (at exit, and through the
 * process reaper after a SIGKILL), so testcontainers' own reaper, Ryuk, is
 * left off unless the user asked for it: starting it means pulling its
 * image, which fails wherever no registry answers. testcontainers reads the
 * setting from the environment when it first starts a container.
 */
function leaveReapingToDocsVerify(): void {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'
}

/** What to do when no registry answers: the two images testcontainers
 * would pull. */
function startHint(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (!/registry|pull|no such image|not found/i.test(message)) return ''
  const hints: string[] = []
  if (process.env.TESTCONTAINERS_RYUK_DISABLED !== 'true') {
    hints.push(`TESTCONTAINERS_RYUK_DISABLED=${process.env.TESTCONTAINERS_RYUK_DISABLED} makes testcontainers pull its reaper image first: unset it (docs-verify removes its containers itself)`)
  }
  hints.push(`if \`docker images ${FAKE_GCS_SERVER_IMAGE}\` lists nothing, build it with scripts/build-fake-gcs-server-image.sh`)
  return `\nNo image registry answers: ${hints.join('; ')}.`
}

/** At exit only synchronous work runs: the docker CLI, best effort. */
function removeContainerSync(id: string): void {
  spawnSync('docker', ['rm', '--force', '--volumes', id], {stdio: 'ignore', timeout: 10_000})
}

async function removeContainer(id: string): Promise<void> {
  const {getContainerRuntimeClient} = await importContainerPackage('testcontainers', () => import('testcontainers'))
  const client = await getContainerRuntimeClient()
  await client.container
    .getById(id)
    .remove({force: true, v: true})
    .catch(() => {})
}

/** Probe a runtime without starting anything. */
export async function probeContainerRuntime(runtime: ContainerRuntime = testcontainersRuntime()): Promise<RuntimeProbe> {
  return runtime.probe()
}

/**
 * Start fake-gcs-server in a container. Throws when no runtime answers or
 * the container does not start; the `auto` backend catches both and falls
 * back to the binary.
 */
export async function startContainerEmulator(options: ContainerEmulatorOptions = {}): Promise<GcsEmulator> {
  const runtime = options.runtime ?? testcontainersRuntime()
  const image = options.image ?? FAKE_GCS_SERVER_IMAGE
  const probe = await runtime.probe()
  if (!probe.available) throw new ContainerRuntimeUnavailableError(probe.reason)
  options.log?.(`fake-gcs-server: starting container ${image}`)
  let started: StartedGcsContainer
  try {
    started = await runtime.startGcs(image)
  } catch (error) {
    throw new ContainerStartError(image, error)
  }
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

/** A runtime answered but the emulator's container did not start. */
export class ContainerStartError extends Error {
  readonly reason: string
  constructor(image: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`the container ${image} did not start: ${reason}`, {cause})
    this.name = 'ContainerStartError'
    this.reason = reason
  }
}
