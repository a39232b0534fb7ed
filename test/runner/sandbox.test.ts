import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createSandbox, isAlive, ShellSession} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'

const ready = requireTools(['bash'])

const here = path.dirname(fileURLToPath(import.meta.url))
const runnerIndex = path.resolve(here, '../../src/runner/index.ts')

let fakeHome: string

/** Lets a plain Node child import the TypeScript sources (Node strips the
 * types; the hook maps the `.js` import specifiers to the `.ts` files). */
const loader = `
  import {registerHooks} from 'node:module'
  registerHooks({
    resolve(specifier, context, next) {
      try { return next(specifier, context) } catch (error) {
        if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context)
        throw error
      }
    }
  })
  const {createSandbox, ShellSession} = await import(${JSON.stringify(runnerIndex)})
`

beforeAll(() => {
  // The "user's" machine: a home with a gcloud login, outside the sandbox.
  fakeHome = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-verify-fake-home-'))
  fs.mkdirSync(path.join(fakeHome, '.config', 'gcloud'), {recursive: true})
  fs.writeFileSync(path.join(fakeHome, '.config', 'gcloud', 'application_default_credentials.json'), '{"secret":"user"}')
})

afterAll(() => {
  fs.rmSync(fakeHome, {recursive: true, force: true})
})

describe.runIf(ready)('createSandbox', () => {
  it('hides the user credentials and home from steps', async () => {
    const parentEnv = {
      PATH: process.env.PATH,
      HOME: fakeHome,
      GOOGLE_APPLICATION_CREDENTIALS: path.join(fakeHome, 'key.json'),
      CLOUDSDK_CONFIG: path.join(fakeHome, '.config', 'gcloud'),
      CLOUDSDK_CORE_PROJECT: 'users-real-project',
      AWS_ACCESS_KEY_ID: 'AKIAUSER',
      GITHUB_TOKEN: 'ghp_user',
      SSH_AUTH_SOCK: '/tmp/ssh-agent.sock'
    }
    const sandbox = await createSandbox({parentEnv, pipCacheDir: '/tmp/docs-verify-test-pip', env: {STANDIN_URL: 'http://127.0.0.1:1'}})
    const session = new ShellSession(sandbox)
    try {
      // `ls` last: a block stops at its first failing command.
      const result = await session.run({id: 'command@1', text: 'env | sort\necho "home=$HOME"\nls ~/.config/gcloud'})
      expect(result.output).not.toMatch(/GOOGLE_APPLICATION_CREDENTIALS|AWS_|GITHUB_TOKEN|SSH_AUTH_SOCK|CLOUDSDK_CORE_PROJECT|users-real-project/)
      // The shell's own control variables stay out of the learner's environment.
      expect(result.output).not.toMatch(/__DV_|__dv_/)
      expect(result.output).not.toContain(fakeHome)
      expect(result.stdout).toContain(`CLOUDSDK_CONFIG=${sandbox.paths.gcloud}\n`)
      expect(result.stdout).toContain('STANDIN_URL=http://127.0.0.1:1\n')
      expect(result.stdout).toContain('GIT_PAGER=cat\n')
      expect(result.stdout).toContain(`home=${sandbox.paths.home}\n`)
      // The sandbox home has an empty gcloud config (XDG dir exists), not the user's.
      expect(result.output).not.toContain('application_default_credentials.json')
    } finally {
      await session.close()
      await sandbox.dispose()
    }
  })

  it('shares a pip cache under the user cache dir across runs', async () => {
    const sandbox = await createSandbox({parentEnv: {PATH: process.env.PATH, HOME: fakeHome}})
    expect(sandbox.env.PIP_CACHE_DIR).toBe(path.join(fakeHome, '.cache', 'docs-verify', 'pip'))
    await sandbox.dispose()
  })

  it('removes the workspace on dispose, or keeps it when asked', async () => {
    const gone = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
    expect(fs.existsSync(gone.paths.work)).toBe(true)
    expect(await gone.dispose()).toEqual({removed: true, path: gone.root})
    expect(fs.existsSync(gone.root)).toBe(false)
    const kept = await createSandbox({keep: true, pipCacheDir: '/tmp/docs-verify-test-pip'})
    expect(await kept.dispose()).toEqual({removed: false, path: kept.root})
    expect(fs.existsSync(kept.paths.work)).toBe(true)
    fs.rmSync(kept.root, {recursive: true, force: true})
  })

  it('removes the workspace and kills the block on SIGINT', async () => {
    // A separate Node process that runs a hanging block, then gets Ctrl-C.
    const script = `
      const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
      console.log(sandbox.root)
      await new ShellSession(sandbox).run({id: 'command@1', text: "bash -c 'sleep 1000 & sleep 1000' &\\necho ready\\nsleep 1000"})
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', loader + script], {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const root = await new Promise<string>((resolve, reject) => {
      let text = ''
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk
        if (text.includes('\n')) resolve(text.split('\n')[0] as string)
      })
      child.once('exit', () => reject(new Error(`child exited early: ${stderr}`)))
    })
    const work = path.join(root, 'work')
    // Wait until the block runs: its processes are what must not survive.
    const pids = await waitForBlockPids(root)
    expect(pids.length).toBeGreaterThanOrEqual(3)
    child.kill('SIGINT')
    // It dies of the signal, as a program without handlers would (a shell sees 130).
    const signal = await new Promise<string | null>((resolve) => child.once('exit', (_code, signalCode) => resolve(signalCode)))
    expect(signal).toBe('SIGINT')
    expect(fs.existsSync(work)).toBe(false)
    expect(fs.existsSync(root)).toBe(false)
    // SIGKILLed as docs-verify ends; on a loaded machine a killed process
    // can take a moment to be gone.
    expect(await survivors(pids)).toEqual([])
  })

  it('removes the workspace when the process crashes', async () => {
    const script = `
      const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
      console.log(sandbox.root)
      throw new Error('crash on purpose')
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', loader + script], {stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)))
    expect(code).toBe(1)
    const root = stdout.trim()
    expect(root).toMatch(/docs-verify-/)
    expect(fs.existsSync(root)).toBe(false)
  })
})

/** Those of `pids` still alive after up to 2 s. */
async function survivors(pids: readonly number[]): Promise<number[]> {
  let alive = pids.filter((pid) => isAlive(pid))
  for (let waited = 0; alive.length > 0 && waited < 2000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    alive = alive.filter((pid) => isAlive(pid))
  }
  return alive
}

/** Pids of processes whose environment points into the sandbox. */
async function waitForBlockPids(root: string): Promise<number[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const pids: number[] = []
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        if (fs.readFileSync(`/proc/${name}/environ`, 'utf8').includes(`HOME=${root}/home`)) pids.push(Number(name))
      } catch {
        // Gone or not ours.
      }
    }
    const sleeps = pids.filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep')
      } catch {
        return false
      }
    })
    if (sleeps.length >= 3) return pids
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the block did not start its sleeps')
}
