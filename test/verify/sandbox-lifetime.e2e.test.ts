import {execFileSync, spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {isAlive, listProcesses} from '../../src/process/index.js'
import {cacheRoot, requireTool} from '../cloud/require-tool.js'
import {requireTools} from '../runner/require-tools.js'
import {ciEnv, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

/**
 * docs-verify as a user runs it, with real bubblewrap and the real GCS
 * emulator: whatever the chapter starts (setsid'd and nohup'd jobs, the
 * emulator, the control plane) ends with the run, with a timeout, and when
 * docs-verify itself gets SIGINT, SIGTERM or SIGKILL.
 */
const ready = requireTools(['bash', 'bwrap', 'socat'])
const fakeGcsServer = requireTool('fake-gcs-server', 'scripts/install-fake-gcs-server.sh', [path.join(cacheRoot, 'bin', 'fake-gcs-server')])
// The built CLI, as a user runs it (`./dev` builds dist/ before the tests).
const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
const built = fileURLToPath(new URL('../../dist/.built', import.meta.url))
const buildInputs = fileURLToPath(new URL('../../scripts/build-inputs.sh', import.meta.url))

/** dist/ is built from the sources as they are (./dev's stamp), or the test says what to run. */
function requireFreshBuild(): void {
  const stamp = fs.existsSync(built) ? fs.readFileSync(built, 'utf8').trim() : ''
  const inputs = execFileSync(buildInputs, {encoding: 'utf8'}).trim()
  if (stamp !== inputs) throw new Error(`dist/ is ${stamp === '' ? 'missing' : 'not built from the sources as they are'}: run the tests through ./dev (./dev npm test), which builds it`)
}
const made: string[] = []
const env = ciEnv({PATH: `${path.join(cacheRoot, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`})

const fence = '```'
function chapter(marker: string, lastLine: string): string {
  return [
    '# Chapter 1 - Leave nothing behind',
    '',
    '## Steps',
    '',
    `${fence}sh title="Execute the following command(s) in a terminal"`,
    `setsid bash -c 'exec -a ${marker} sleep 1000' &`,
    `nohup bash -c 'exec -a ${marker} sleep 1000' >/dev/null 2>&1 &`,
    'echo started',
    lastLine,
    fence,
    '',
    'Then look at the cloud:',
    '',
    `${fence}sh title="Execute the following command(s) in a terminal"`,
    'gcloud --version',
    fence,
    ''
  ].join('\n')
}

async function guideFor(marker: string, lastLine: string): Promise<string> {
  const guide = await makeGuide([{name: 'chapter-1-leave-nothing-behind.md', text: chapter(marker, lastLine)}])
  made.push(guide)
  return guide
}

function sandboxesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith('docs-verify-'))
}

function withMarker(marker: string): number[] {
  return listProcesses()
    .map((entry) => entry.pid)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(marker) && isAlive(pid)
      } catch {
        return false
      }
    })
}

function descendants(root: number): number[] {
  const table = listProcesses()
  const found = new Set([root])
  let grew = true
  while (grew) {
    grew = false
    for (const entry of table) {
      if (!found.has(entry.pid) && found.has(entry.ppid)) {
        found.add(entry.pid)
        grew = true
      }
    }
  }
  found.delete(root)
  return [...found]
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return ''
  }
}

async function until<T>(probe: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Those of `pids` still alive after a few seconds, with their command lines. */
async function survivors(pids: readonly number[]): Promise<string[]> {
  const left = await stillAlive(pids)
  return left.map((pid) => `${pid} ${commandOf(pid)}`)
}

async function stillAlive(pids: readonly number[]): Promise<number[]> {
  const deadline = Date.now() + 5000
  let left = pids.filter((pid) => isAlive(pid))
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    left = left.filter((pid) => isAlive(pid))
  }
  return left
}

afterAll(async () => {
  await removeAll(made)
})

describe.runIf(ready && fakeGcsServer)('nothing outlives docs-verify (bwrap, real emulator)', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)('after %s of docs-verify: no job, sandbox or emulator lives on', async (signal) => {
    const marker = `dv-lifetime-${signal}-${process.pid}`
    const guide = await guideFor(marker, 'sleep 1000')
    requireFreshBuild()
    // Its own temporary folder: the sandbox must be gone from it at the end.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dv-lifetime-tmp-${signal}-`))
    made.push(tmp)
    const child = spawn(process.execPath, [bin, 'chapter-1', '--no-cache', '--gcs', 'binary', '--sandbox', 'bwrap', '--reporter', 'plain'], {
      cwd: guide,
      env: {...env, TMPDIR: tmp},
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.resume()
    const exited = new Promise<{code: number | null; signal: string | null}>((resolve) => child.once('exit', (code, sig) => resolve({code, signal: sig})))
    try {
      // The block runs (its two jobs are up) and the emulator serves.
      await until(() => (withMarker(marker).length >= 2 ? true : undefined), 90_000, `the chapter's jobs (stderr: ${stderr})`)
      const started = descendants(child.pid!)
      expect(started.map(commandOf).join('\n')).toMatch(/fake-gcs-server/)
      expect(started.map(commandOf).join('\n')).toMatch(/bwrap/)
      expect(sandboxesIn(tmp)).toHaveLength(1)
      child.kill(signal)
      const end = await exited
      if (signal === 'SIGKILL') expect(end.signal).toBe('SIGKILL')
      else expect(end.signal ?? end.code).toBeTruthy()
      expect(await survivors(started)).toEqual([])
      expect(withMarker(marker)).toEqual([])
      await until(() => (sandboxesIn(tmp).length === 0 ? true : undefined), 15_000, `the sandbox's removal from ${tmp}`)
    } finally {
      child.kill('SIGKILL')
    }
  }, 150_000)
})

describe.runIf(ready)('nothing outlives a run (bwrap, in-process)', () => {
  it('setsid and nohup jobs of a passing block end with the run', async () => {
    const marker = `dv-lifetime-run-${process.pid}`
    const guide = await guideFor(marker, 'true')
    // The second block uses gcloud: the real emulator starts beside the sandbox.
    const result = await runCli(['chapter-1', '--no-cache', '--gcs', 'binary', '--sandbox', 'bwrap', '--reporter', 'json'], {cwd: guide, env})
    const report = parseReport(result)
    expect(report.sandbox).toMatchObject({mode: 'bwrap', isolated: true})
    expect(report.chapters[0]?.steps[0]?.status).toBe('passed')
    expect(withMarker(marker)).toEqual([])
  }, 150_000)

  it('a hung block ends whole on its timeout', async () => {
    const marker = `dv-lifetime-timeout-${process.pid}`
    const guide = await guideFor(marker, 'sleep 1000')
    const result = await runCli(['chapter-1', '--no-cache', '--gcs', 'binary', '--sandbox', 'bwrap', '--timeout', '3', '--reporter', 'json'], {cwd: guide, env})
    const report = parseReport(result)
    expect(report.chapters[0]?.steps[0]?.status).toBe('timed-out')
    expect(withMarker(marker)).toEqual([])
  }, 150_000)
})
