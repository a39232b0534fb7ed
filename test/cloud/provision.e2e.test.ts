import {describe, expect, it} from 'vitest'
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {isHealthy, startGcsEmulator} from '../../src/cloud/index.js'
import {requireTool} from './require-tool.js'
import {run} from './run-process.js'

const go = requireTool('go', 'install Go >= 1.25 (https://go.dev/dl/)')
const script = fileURLToPath(new URL('../../scripts/install-fake-gcs-server.sh', import.meta.url))

/** PATH without any fake-gcs-server, with go. */
function pathWithoutEmulator(): string {
  return [path.dirname(go!), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter)
}

describe.skipIf(!go)('provisioning fake-gcs-server with go install (real Go)', () => {
  it('install script installs into the XDG cache once, then is a no-op; the binary backend finds it', async () => {
    const xdg = mkdtempSync(path.join(os.tmpdir(), 'dv-xdg-'))
    // Go keeps its build cache under XDG_CACHE_HOME too: pin it to the usual
    // one or the test recompiles every dependency (minutes).
    const gocache = (await run(go!, ['env', 'GOCACHE'])).stdout.trim()
    const env = {...process.env, XDG_CACHE_HOME: xdg, GOCACHE: gocache, PATH: pathWithoutEmulator()}
    const first = await run('bash', [script], {env, timeoutMs: 600_000})
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain(`installed: ${xdg}/docs-verify/bin/fake-gcs-server`)
    const second = await run('bash', [script], {env})
    expect(second.stdout).toContain('already in')

    const emulator = await startGcsEmulator({backend: 'binary', provision: false, cacheDir: path.join(xdg, 'docs-verify'), env})
    try {
      expect(await isHealthy(emulator.endpoint)).toBe(true)
    } finally {
      await emulator.stop()
      rmSync(xdg, {recursive: true, force: true}) // a 50 MB binary
    }
  }, 600_000)

  it('binary backend provisions into an empty cache when only Go is present', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'dv-cache-'))
    const logs: string[] = []
    const emulator = await startGcsEmulator({backend: 'binary', cacheDir, env: {...process.env, PATH: pathWithoutEmulator()}, log: (m) => logs.push(m)})
    try {
      expect(logs.join('\n')).toContain(`GOBIN=${cacheDir}/bin go install github.com/fsouza/fake-gcs-server@v1.55.1`)
      expect(await isHealthy(emulator.endpoint)).toBe(true)
    } finally {
      await emulator.stop()
      rmSync(cacheDir, {recursive: true, force: true})
    }
  }, 600_000)
})
