import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createSandbox, resolveSandboxMode, ShellSession} from '../../src/runner/index.js'
import type {ResolvedSandboxMode, Sandbox} from '../../src/runner/index.js'
import {isAlive, listProcesses} from '../../src/process/index.js'
import {requireTools} from './require-tools.js'

// Real bubblewrap (and socat for the network gate): under CI=true a missing
// one fails loudly.
const ready = requireTools(['bash', 'bwrap', 'socat', 'python3', 'curl'])

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const made: string[] = []
let isolation: ResolvedSandboxMode
let host: string
let fakeHome: string
let sandbox: Sandbox
let session: ShellSession
let denied: http.Server
let allowed: http.Server

function temp(prefix: string, parent = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, prefix))
  made.push(dir)
  return dir
}

async function listen(body: string): Promise<http.Server> {
  const server = http.createServer((_request, response) => response.end(body))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return server
}

function portOf(server: http.Server): number {
  return (server.address() as {port: number}).port
}

function run(text: string, timeoutMs = 30_000): ReturnType<ShellSession['run']> {
  return session.run({id: 'command@1', text, timeoutMs})
}

beforeAll(async () => {
  if (!ready) return
  isolation = await resolveSandboxMode('bwrap')
  // The "user's" machine: a directory outside the sandbox, and a home with
  // credentials in the places tools keep them.
  // Outside /tmp and /var/tmp (private in the sandbox): the host's own files.
  const outside = path.join(repoRoot, 'node_modules', '.cache')
  fs.mkdirSync(outside, {recursive: true})
  host = temp('dv-host-', outside)
  fakeHome = temp('dv-home-')
  for (const [file, text] of [
    ['canary.txt', 'home canary'],
    ['.ssh/id_ed25519', 'ssh canary'],
    ['.config/gcloud/credentials.db', 'gcloud canary'],
    ['certs/corp-ca.pem', 'company CA bundle']
  ] as const) {
    fs.mkdirSync(path.dirname(path.join(fakeHome, file)), {recursive: true})
    fs.writeFileSync(path.join(fakeHome, file), text)
  }
  denied = await listen('denied server')
  allowed = await listen('allowed server')
  sandbox = await createSandbox({
    isolation,
    parentEnv: {PATH: process.env.PATH, HOME: fakeHome, NODE_EXTRA_CA_CERTS: path.join(fakeHome, 'certs/corp-ca.pem')},
    pipCacheDir: '/tmp/docs-verify-test-pip',
    allowHosts: [`127.0.0.1:${portOf(allowed)}`]
  })
  session = new ShellSession(sandbox, {mergeStreams: true, killGraceMs: 300})
})

afterAll(async () => {
  if (!ready) return
  await session.close()
  await sandbox.dispose()
  denied.close()
  allowed.close()
  for (const dir of made) fs.rmSync(dir, {recursive: true, force: true})
})

describe.runIf(ready)('mode bwrap: nothing written outside the sandbox', () => {
  it('the sandbox says what it is', () => {
    expect(isolation.mode).toBe('bwrap')
    expect(sandbox.isolation).toMatchObject({mode: 'bwrap', isolated: true, networkFiltered: true})
  })

  it('refuses a write by absolute path, and /tmp and /var/tmp are private', async () => {
    const result = await run(`echo x > ${host}/by-absolute-path`)
    expect(result.exitCode).not.toBe(0)
    expect(result.output).toMatch(/Read-only file system/)
    expect(fs.existsSync(path.join(host, 'by-absolute-path'))).toBe(false)
    await run('echo x > /tmp/dv-private-tmp-canary\necho x > /var/tmp/dv-private-tmp-canary')
    expect(fs.existsSync('/tmp/dv-private-tmp-canary')).toBe(false)
    expect(fs.existsSync('/var/tmp/dv-private-tmp-canary')).toBe(false)
    // The private /tmp is the sandbox's, kept from block to block.
    expect((await run('cat /tmp/dv-private-tmp-canary /var/tmp/dv-private-tmp-canary')).output).toBe('x\nx\n')
  })

  it('refuses a write after `cd ..` up to /', async () => {
    const up = await run(`cd ../../../../../..\npwd\ntouch dv-cd-canary`)
    expect(up.output).toMatch(/^\/\n/)
    expect(up.output).toMatch(/Read-only file system/)
    const beside = await run(`cd ${path.dirname(host)} && touch ${path.basename(host)}/dv-cd-canary`)
    expect(beside.output).toMatch(/Read-only file system/)
    expect(fs.existsSync('/dv-cd-canary')).toBe(false)
    expect(fs.existsSync(path.join(host, 'dv-cd-canary'))).toBe(false)
    await run(`cd ${sandbox.paths.work}`)
  })

  it('refuses a write through a symlink, from a step and from a file step', async () => {
    await run(`ln -s ${host} outside`)
    const result = await run('echo x > outside/through-link')
    expect(result.output).toMatch(/Read-only file system/)
    expect(fs.existsSync(path.join(host, 'through-link'))).toBe(false)
    const written = await session.writeFileStep({id: 'file@3', path: 'outside/by-file-step.txt', text: 'x', mode: 'full'})
    expect(written.status).toBe('not-applied')
    expect(written.reason).toMatch(/symbolic link/)
    expect(fs.existsSync(path.join(host, 'by-file-step.txt'))).toBe(false)
    await run(`ln -s ${host}/dangling.txt dangling.txt`)
    const dangling = await session.writeFileStep({id: 'file@4', path: 'dangling.txt', text: 'x', mode: 'full'})
    expect(dangling.status).toBe('not-applied')
    expect(fs.existsSync(path.join(host, 'dangling.txt'))).toBe(false)
  })

  it('writes a file step inside the sandbox', async () => {
    const written = await session.writeFileStep({id: 'file@5', path: 'project/params.yaml', text: 'seed: 1', mode: 'full'})
    expect(written.status).toBe('written')
    expect(fs.readFileSync(path.join(sandbox.paths.work, 'project', 'params.yaml'), 'utf8')).toBe('seed: 1\n')
  })

  it('refuses `pip install` into the host Python', async () => {
    const purelib = (await run(`python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'`)).output.trim()
    expect(purelib).toMatch(/^\//)
    const wheel = [
      'import zipfile',
      "z = zipfile.ZipFile('dvcanary-0.1-py3-none-any.whl', 'w')",
      "z.writestr('dvcanary/__init__.py', '')",
      "z.writestr('dvcanary-0.1.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: dvcanary\\nVersion: 0.1\\n')",
      "z.writestr('dvcanary-0.1.dist-info/WHEEL', 'Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n')",
      "z.writestr('dvcanary-0.1.dist-info/RECORD', '')",
      'z.close()'
    ].join('\n')
    const result = await run(`python3 - <<'EOF'\n${wheel}\nEOF\npython3 -m pip install --no-user --no-index --no-deps --break-system-packages ./dvcanary-0.1-py3-none-any.whl`, 120_000)
    expect(result.exitCode).not.toBe(0)
    expect(result.output).toMatch(/Read-only file system|Errno 30/)
    expect(fs.existsSync(path.join(purelib, 'dvcanary'))).toBe(false)
  })
})

describe.runIf(ready)('mode bwrap: no host secret readable by absolute path', () => {
  it('hides the user home: a canary file, ~/.ssh, ~/.config/gcloud', async () => {
    const result = await run(
      ['canary.txt', '.ssh/id_ed25519', '.config/gcloud/credentials.db'].map((file) => `cat ${fakeHome}/${file} 2>/dev/null || echo "hidden ${file}"`).join('\n')
    )
    expect(result.output).not.toMatch(/home canary|ssh canary|gcloud canary/)
    expect(result.output).toBe('hidden canary.txt\nhidden .ssh/id_ed25519\nhidden .config/gcloud/credentials.db\n')
  })

  it('still reads the company CA bundle a passed-through variable names in the hidden home, read-only, and only that file', async () => {
    const result = await run(`cat "$NODE_EXTRA_CA_CERTS"; echo; (echo x >> "$NODE_EXTRA_CA_CERTS") 2>/dev/null || echo read-only; ls -A ${fakeHome} ${fakeHome}/certs`)
    expect(result.output).toBe(`company CA bundle\nread-only\n${fakeHome}:\ncerts\n\n${fakeHome}/certs:\ncorp-ca.pem\n`)
  })

  it('hides the real home of the user running the tests too', async () => {
    const home = os.homedir()
    const result = await run(`ls -A ${home}`)
    const visible = result.output.split('\n').filter(Boolean)
    // Only the tool directories on PATH are bound back (pyenv, go, ...).
    for (const name of visible) expect(name).not.toMatch(/^\.(ssh|aws|gnupg|config|netrc|npmrc|docker|kube|gitconfig)$/)
  })
})

describe.runIf(ready)('mode bwrap: network', () => {
  it('reaches an allowed loopback server, not a denied one', async () => {
    const result = await run(
      `curl -sS -m 5 http://127.0.0.1:${portOf(allowed)}/ && echo " allowed=$?"\n` +
        `curl -sS -m 5 --noproxy '*' http://127.0.0.1:${portOf(denied)}/ || echo " direct=$?"\n` +
        `curl -sS -m 5 --noproxy '' -x "$HTTP_PROXY" http://127.0.0.1:${portOf(denied)}/ || echo " proxied=$?"`
    )
    expect(result.output).toMatch(/^allowed server allowed=0$/m)
    expect(result.output).not.toMatch(/denied server/)
    expect(result.output).toMatch(/direct=7/)
    expect(result.output).toMatch(/not on the network allow-list/)
    expect(sandbox.deniedHosts().map((entry) => entry.target)).toContain(`127.0.0.1:${portOf(denied)}`)
  })

  it('refuses the real cloud endpoints at the gate, before any connection', async () => {
    const result = await run(
      ['storage.googleapis.com', 'oauth2.googleapis.com', 'accounts.google.com'].map((name) => `curl -sS -m 5 -o /dev/null -w '%{http_code}\\n' https://${name}/ 2>&1 || true`).join('\n')
    )
    expect(result.output).toMatch(/CONNECT tunnel failed, response 403/)
    expect(result.output.match(/response 403/g)).toHaveLength(3)
    const refused = sandbox.deniedHosts().filter((entry) => /google/.test(entry.target))
    expect(refused.map((entry) => entry.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/real cloud/)]))
  })

  it('has no route to any address but loopback', async () => {
    const result = await run(`curl -sS -m 5 --noproxy '*' http://192.0.2.1/ || echo "rc=$?"`)
    expect(result.output).toMatch(/rc=(7|28)/)
  })
})

describe.runIf(ready)('mode bwrap: no process outlives its sandbox', () => {
  it('setsid and nohup jobs live on like in a terminal, and end with the chapter; a hung block ends on timeout', async () => {
    const marker = `dv-bwrap-canary-${process.pid}`
    const result = await run(`setsid bash -c 'exec -a ${marker} sleep 1000' &\nnohup bash -c 'exec -a ${marker} sleep 1000' >/dev/null 2>&1 &\nsleep 0.2\necho started`)
    expect(result.output).toContain('started')
    expect((await markersAlive(marker, 0)).length).toBe(2)
    await session.endChapter()
    expect(await markersAlive(marker)).toEqual([])
    const hung = await run(`setsid bash -c 'exec -a ${marker} sleep 1000' &\nsleep 1000`, 1500)
    expect(hung, JSON.stringify(hung)).toMatchObject({timedOut: true})
    await session.endChapter()
    expect(await markersAlive(marker)).toEqual([])
  })

  it('nothing the sandbox ran outlives the closed session', async () => {
    const marker = `dv-bwrap-close-${process.pid}`
    const other = await createSandbox({isolation, pipCacheDir: '/tmp/docs-verify-test-pip'})
    const closing = new ShellSession(other, {killGraceMs: 300})
    await closing.run({id: 'command@1', text: `setsid bash -c 'exec -a ${marker} sleep 1000' &\nnohup bash -c 'exec -a ${marker} sleep 1000' >/dev/null 2>&1 &\nsleep 0.2`})
    expect((await markersAlive(marker, 0)).length).toBe(2)
    await closing.close()
    await other.dispose()
    expect(await markersAlive(marker)).toEqual([])
  })
})

/** Processes named `marker` still alive after `waitMs` (or as soon as none is). */
async function markersAlive(marker: string, waitMs = 5000): Promise<number[]> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const pids = listProcesses()
      .map((entry) => entry.pid)
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(marker) && isAlive(pid)
        } catch {
          return false
        }
      })
    if (pids.length === 0 || Date.now() > deadline) return pids
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
