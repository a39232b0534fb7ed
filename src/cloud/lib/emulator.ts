import {defaultCacheDir} from './cache-dir.js'
import {startBinaryEmulator} from './emulator-binary.js'
import {
  goInstallCommand,
  locateFakeGcsServer,
  provisionFakeGcsServer,
  whichOnPath
} from './emulator-binary-locate.js'
import {ContainerRuntimeUnavailableError, ContainerStartError, startContainerEmulator} from './emulator-container.js'
import type {ContainerRuntime} from './emulator-container.js'
import {connectUrlEmulator} from './emulator-url.js'
import type {EmulatorLog, GcsEmulator} from './emulator-types.js'

/** Options for {@link startGcsEmulator}. */
export interface StartGcsEmulatorOptions {
  backend?: 'auto' | 'container' | 'binary' | 'url'
  /** For `url`: the emulator's base URL. */
  url?: string
  /** docs-verify cache root (default `${XDG_CACHE_HOME:-~/.cache}/docs-verify`). */
  cacheDir?: string
  log?: EmulatorLog
  /** Container runtime (default: testcontainers). Tests inject a fake. */
  runtime?: ContainerRuntime
  /** Allow `go install` into the cache when no binary is found (default true). */
  provision?: boolean
  /** Environment used to find `fake-gcs-server` and `go` (default process.env). */
  env?: NodeJS.ProcessEnv
}

/** No backend could give an emulator; the message says what to install. */
export class EmulatorUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmulatorUnavailableError'
  }
}

/**
 * Start (or connect to) a fake-gcs-server. `auto` tries a container, then
 * the binary (PATH, cache, or `go install` into the cache), then throws an
 * {@link EmulatorUnavailableError} naming what to install.
 */
export async function startGcsEmulator(options: StartGcsEmulatorOptions = {}): Promise<GcsEmulator> {
  const backend = options.backend ?? 'auto'
  const log = options.log
  if (backend === 'url') {
    if (!options.url) throw new Error('backend `url` needs a URL: pass --gcs url --gcs-url http://127.0.0.1:PORT')
    return connectUrlEmulator(options.url)
  }
  if (backend === 'container') return startContainerEmulator({runtime: options.runtime, log})
  if (backend === 'binary') return startFromBinary(options)

  let containerReason: string
  try {
    return await startContainerEmulator({runtime: options.runtime, log})
  } catch (error) {
    if (error instanceof ContainerRuntimeUnavailableError) {
      log?.(`fake-gcs-server: no container runtime (${error.reason}); using the binary`)
    } else if (error instanceof ContainerStartError) {
      log?.(`fake-gcs-server: ${error.message}; using the binary`)
    } else {
      throw error
    }
    containerReason = error.reason
  }
  try {
    return await startFromBinary(options)
  } catch (error) {
    if (!(error instanceof EmulatorUnavailableError)) throw error
    throw new EmulatorUnavailableError(
      `${error.message}\nThe container backend is not available either: ${containerReason}\n` +
        'Install one of: Docker (or another container runtime testcontainers finds), ' +
        `Go >= 1.25 (then docs-verify runs \`${goInstallCommand(options.cacheDir ?? defaultCacheDir(options.env))}\` once), ` +
        'or run fake-gcs-server yourself and pass `--gcs url --gcs-url http://127.0.0.1:PORT`.'
    )
  }
}

async function startFromBinary(options: StartGcsEmulatorOptions): Promise<GcsEmulator> {
  const env = options.env ?? process.env
  const cacheDir = options.cacheDir ?? defaultCacheDir(env)
  let binary = locateFakeGcsServer(cacheDir, env)
  if (!binary) {
    const install = goInstallCommand(cacheDir)
    if (options.provision === false || !whichOnPath('go', env)) {
      throw new EmulatorUnavailableError(
        `fake-gcs-server is not on PATH nor in ${cacheDir}/bin` +
          (options.provision === false ? '' : ' and Go is not on PATH') +
          `; install it with \`${install}\` (Go >= 1.25) or scripts/install-fake-gcs-server.sh`
      )
    }
    options.log?.(`fake-gcs-server: not found; running \`${install}\` (once)`)
    const result = await provisionFakeGcsServer(cacheDir, env)
    if (!result.ok) throw new EmulatorUnavailableError(`could not provision fake-gcs-server: ${result.reason}`)
    binary = result.path
  }
  return startBinaryEmulator({binary, log: options.log})
}
