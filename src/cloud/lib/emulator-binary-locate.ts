import {accessSync, constants} from 'node:fs'
import path from 'node:path'
import {definedEnv, runProcess} from '../../process/index.js'

/** Pinned fake-gcs-server version (same as the container image tag). */
export const FAKE_GCS_SERVER_VERSION = 'v1.55.1'
/** Go module installed by `go install`. */
export const FAKE_GCS_SERVER_MODULE = 'github.com/fsouza/fake-gcs-server'

/** The `go install` command that provisions the binary into a cache. */
export function goInstallCommand(cacheDir: string): string {
  return `GOBIN=${path.join(cacheDir, 'bin')} go install ${FAKE_GCS_SERVER_MODULE}@${FAKE_GCS_SERVER_VERSION}`
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** First executable `name` on `PATH`, or undefined. */
export function whichOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const file = path.join(dir, name)
    if (isExecutable(file)) return file
  }
  return undefined
}

/** The binary in the docs-verify cache: `<cacheDir>/bin/fake-gcs-server`. */
export function cachedBinaryPath(cacheDir: string): string {
  return path.join(cacheDir, 'bin', 'fake-gcs-server')
}

/** fake-gcs-server on PATH, else in the cache, else undefined. */
export function locateFakeGcsServer(cacheDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const onPath = whichOnPath('fake-gcs-server', env)
  if (onPath) return onPath
  const cached = cachedBinaryPath(cacheDir)
  return isExecutable(cached) ? cached : undefined
}

/** Result of {@link provisionFakeGcsServer}. */
export type ProvisionResult = {ok: true; path: string} | {ok: false; reason: string}

/**
 * Install fake-gcs-server into the cache with `go install` (once; later runs
 * find it there). Needs Go >= 1.25 and the Go module proxy. Asynchronous so
 * servers in this process (the control-plane stand-in) keep answering.
 */
export async function provisionFakeGcsServer(cacheDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ProvisionResult> {
  const go = whichOnPath('go', env)
  if (!go) return {ok: false, reason: 'Go is not on PATH'}
  const bin = path.join(cacheDir, 'bin')
  const outcome = await runProcess(
    {file: go, args: ['install', `${FAKE_GCS_SERVER_MODULE}@${FAKE_GCS_SERVER_VERSION}`], env: {...definedEnv(env), GOBIN: bin}, cwd: process.cwd()},
    {timeoutMs: 15 * 60_000}
  )
  const result = {code: outcome.exitCode ?? outcome.failure ?? null, stderr: `${outcome.stderr}${outcome.failure && !outcome.stderr ? outcome.failure : ''}`}
  const file = cachedBinaryPath(cacheDir)
  if (result.code === 0 && isExecutable(file)) return {ok: true, path: file}
  return {ok: false, reason: `\`${goInstallCommand(cacheDir)}\` failed (exit ${result.code}): ${result.stderr.trim().slice(-800)}`}
}
