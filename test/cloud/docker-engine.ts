import {spawnSync} from 'node:child_process'
import {FAKE_GCS_SERVER_IMAGE, ownerLabel} from '../../src/cloud/index.js'

export const inCi = process.env.CI === 'true'

export function docker(...args: string[]): {ok: boolean; out: string} {
  const result = spawnSync('docker', args, {encoding: 'utf8', timeout: 30_000})
  return {ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()}
}

/**
 * Why the real container backend cannot run here (null when it can): a
 * Docker engine that answers and the locally built pinned image. Under
 * CI=true a missing piece throws, so the test fails instead of skipping.
 */
export function dockerEngineMissing(): string | null {
  let missing: string | null = null
  const info = docker('info', '--format', '{{.ServerVersion}}')
  if (!info.ok) missing = `the Docker engine does not answer (install docker.io, start dockerd): ${info.out}`
  else if (!docker('images', '-q', FAKE_GCS_SERVER_IMAGE).out) missing = `no local image ${FAKE_GCS_SERVER_IMAGE}: run scripts/build-fake-gcs-server-image.sh`
  if (missing && inCi) throw new Error(`CI=true and the container backend cannot run: ${missing}`)
  return missing
}

/** Emulator containers, running or not, that process `pid` started
 * (other runs on this machine may have their own). */
export function gcsContainers(pid: number = process.pid): string[] {
  return docker('ps', '--all', '--quiet', '--filter', `ancestor=${FAKE_GCS_SERVER_IMAGE}`, '--filter', `label=${ownerLabel}=${pid}`)
    .out.split('\n')
    .filter(Boolean)
}
