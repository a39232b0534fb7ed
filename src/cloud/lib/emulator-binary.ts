import {freeLoopbackPort} from './free-port.js'
import {resetEmulator, waitForHealthy} from './emulator-health.js'
import {definedEnv, startProcess, stopProcess} from '../../process/index.js'
import type {GcsEmulator, EmulatorLog} from './emulator-types.js'

/** Options for {@link startBinaryEmulator}. */
export interface BinaryEmulatorOptions {
  /** Path of the fake-gcs-server executable. */
  binary: string
  /** Port to bind on 127.0.0.1 (default: a free one). */
  port?: number
  log?: EmulatorLog
  /** Health-check timeout (default 15000 ms). */
  timeoutMs?: number
}

/** Arguments that make fake-gcs-server serve plain HTTP on loopback, in memory. */
export function binaryArguments(port: number): string[] {
  const hostPort = `127.0.0.1:${port}`
  return [
    '-scheme', 'http',
    '-host', '127.0.0.1',
    '-port', String(port),
    '-backend', 'memory',
    // mediaLink and resumable upload URLs are built from these: they must
    // point back at this server, not at storage.googleapis.com.
    '-public-host', hostPort,
    '-external-url', `http://${hostPort}`
  ]
}

/**
 * Start fake-gcs-server as a process group tied to docs-verify's life on a loopback port and
 * wait until it answers its health check.
 */
export async function startBinaryEmulator(options: BinaryEmulatorOptions): Promise<GcsEmulator> {
  const port = options.port ?? (await freeLoopbackPort())
  const endpoint = `http://127.0.0.1:${port}`
  // Tied to docs-verify by the kernel: a SIGKILL of docs-verify ends it too.
  const child = startProcess(
    {file: options.binary, args: binaryArguments(port), cwd: process.cwd(), env: definedEnv(process.env)},
    {stdio: ['ignore', 'pipe', 'pipe'], dieWithParent: true}
  )
  // Keep the tail of its output for error messages; reading also keeps the
  // pipe from filling up and blocking the server.
  let tail = ''
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-2000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let spawnError: Error | undefined
  child.once('error', (error) => {
    spawnError = error
  })
  options.log?.(`fake-gcs-server: starting ${options.binary} on ${endpoint}`)

  try {
    await waitForHealthy(endpoint, {
      timeoutMs: options.timeoutMs,
      abortReason: () => {
        if (spawnError) return `could not run ${options.binary}: ${spawnError.message}`
        if (child.exitCode !== null || child.signalCode !== null) {
          return `it exited (${child.exitCode ?? child.signalCode}): ${tail.trim()}`
        }
        return undefined
      }
    })
  } catch (error) {
    await stopProcess(child)
    throw error
  }

  let stopped: Promise<void> | undefined
  return {
    backend: 'binary',
    endpoint,
    stop: () => {
      stopped ??= stopProcess(child).then(() => options.log?.(`fake-gcs-server: stopped ${endpoint}`))
      return stopped
    },
    reset: () => resetEmulator(endpoint)
  }
}
