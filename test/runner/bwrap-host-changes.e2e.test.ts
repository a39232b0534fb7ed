import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createSandbox, resolveSandboxMode, runInSandbox, SandboxError, ShellSession} from '../../src/runner/index.js'
import type {ResolvedSandboxMode, Sandbox} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'

/**
 * Real bubblewrap while the host changes under a running sandbox (a daemon
 * stops and its socket goes, one starts and makes a new one, a tool
 * directory is removed): every later bwrap still starts, nothing new on the
 * host's /run is reachable, and a bwrap that does not start is the
 * sandbox's error, never a verdict on the doc.
 */
const ready = requireTools(['bash', 'bwrap', 'python3', 'git'])

const made: string[] = []
const servers: net.Server[] = []
let isolation: ResolvedSandboxMode

function temp(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)))
  made.push(dir)
  return dir
}

/** A writable place under /run for a socket of our own (root: /run itself;
 * a user: their /run/user/UID). */
function runDirForSockets(): string {
  for (const dir of [process.env.XDG_RUNTIME_DIR, '/run']) {
    if (!dir || !fs.realpathSync(dir).startsWith('/run')) continue
    try {
      fs.accessSync(dir, fs.constants.W_OK)
      return dir
    } catch {
      // Not ours to write.
    }
  }
  throw new Error('no writable directory under /run for a test socket: run as root or with XDG_RUNTIME_DIR=/run/user/$UID')
}

/** A unix socket on the host that answers `hello`; removed in afterAll. */
async function hostSocket(name: string): Promise<string> {
  const socket = path.join(runDirForSockets(), `docs-verify-e2e-${process.pid}-${Date.now()}-${name}.sock`)
  const server = net.createServer((connection) => connection.end('hello\n'))
  await new Promise<void>((resolve) => server.listen(socket, () => resolve()))
  servers.push(server)
  return socket
}

async function closeSocket(socket: string): Promise<void> {
  const server = servers.find((entry) => entry.address() === socket)
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  fs.rmSync(socket, {force: true})
}

const connect = (socket: string): string =>
  `python3 -c 'import socket, sys\ns = socket.socket(socket.AF_UNIX)\ntry:\n    s.connect(sys.argv[1]); print("connected", s.recv(10).decode().strip())\nexcept OSError as e:\n    print("refused", e.strerror)' ${socket}`

beforeAll(async () => {
  if (!ready) return
  isolation = await resolveSandboxMode('bwrap')
})

afterAll(async () => {
  for (const server of servers) {
    const address = server.address()
    server.close()
    if (typeof address === 'string') fs.rmSync(address, {force: true})
  }
  for (const dir of made) fs.rmSync(dir, {recursive: true, force: true})
})

describe.runIf(ready)('mode bwrap: the host changes under a running sandbox', () => {
  it('a socket the host makes in /run after the shell started, or had before, is not reachable; /run has what a terminal needs', async () => {
    const before = await hostSocket('before')
    const sandbox = await createSandbox({isolation, pipCacheDir: '/tmp/docs-verify-test-pip'})
    const session = new ShellSession(sandbox, {mergeStreams: true})
    try {
      expect((await session.run({id: 'command@1', text: 'echo ready'})).output).toBe('ready\n')
      const after = await hostSocket('after')
      // The host reaches both: the sockets work.
      expect(await hostConnect(after)).toBe('hello\n')
      const inside = await session.run({id: 'command@2', text: `${connect(after)}\n${connect(before)}\nls -A /run`})
      expect(inside.output).not.toMatch(/connected/)
      expect(inside.output).toMatch(/^refused No such file or directory\nrefused No such file or directory\n/)
      const listed = inside.output.split('\n').slice(2).filter(Boolean)
      for (const name of listed) expect(name).not.toMatch(/docker|containerd|podman|dbus|systemd|user|docs-verify-e2e/)
      expect(listed).toContain('lock')
      // A lock directory anyone may write, the host's resolver configuration.
      const terminal = await session.run({id: 'command@3', text: 'touch /run/lock/docs-verify-lock && echo locked\ncat /etc/resolv.conf'})
      expect(terminal.output).toBe(`locked\n${fs.readFileSync('/etc/resolv.conf', 'utf8')}`)
      expect(fs.existsSync('/run/lock/docs-verify-lock')).toBe(false)
    } finally {
      await session.close()
      await sandbox.dispose()
    }
  })

  it('a socket, a tool directory and a hidden home there when the sandbox was made and gone later break no later bwrap', async () => {
    const socket = await hostSocket('vanishing')
    const home = temp('dv-vanishing-home-')
    const tool = path.join(home, '.tool', 'bin')
    fs.mkdirSync(tool, {recursive: true})
    fs.writeFileSync(path.join(tool, 'dv-tool'), '#!/bin/sh\necho tool ran\n', {mode: 0o755})
    const sandbox = await createSandbox({isolation, parentEnv: {PATH: `${tool}:${process.env.PATH}`, HOME: home}, pipCacheDir: '/tmp/docs-verify-test-pip'})
    const session = new ShellSession(sandbox, {mergeStreams: true})
    try {
      expect((await session.run({id: 'command@1', text: 'dv-tool'})).output).toBe('tool ran\n')
      // The daemon stops, the tool is uninstalled, the home goes.
      await closeSocket(socket)
      fs.rmSync(home, {recursive: true})
      const written = await session.writeFileStep({id: 'file@2', path: 'params.yaml', text: 'seed: 1', mode: 'full'})
      expect(written, JSON.stringify(written)).toMatchObject({status: 'written'})
      expect(fs.readFileSync(path.join(sandbox.paths.work, 'params.yaml'), 'utf8')).toBe('seed: 1\n')
      const checked = await runInSandbox(sandbox, ['git', '--version'])
      expect(checked.exitCode, checked.stderr).toBe(0)
      // Someone else's terminal: a second shell on the same sandbox.
      const second = new ShellSession(sandbox, {mergeStreams: true})
      try {
        expect((await second.run({id: 'command@3', text: 'cat params.yaml'})).output).toBe('seed: 1\n')
      } finally {
        await second.close()
      }
    } finally {
      await session.close()
      await sandbox.dispose()
    }
  })
})

describe.runIf(ready)('mode bwrap: a bwrap that does not start is the sandbox\'s error', () => {
  let sandbox: Sandbox
  let session: ShellSession

  beforeAll(async () => {
    if (!ready) return
    sandbox = await createSandbox({isolation, pipCacheDir: '/tmp/docs-verify-test-pip'})
    session = new ShellSession(sandbox, {mergeStreams: true})
    await session.run({id: 'command@1', text: 'mkdir -p project/data && cd project'})
  })

  afterAll(async () => {
    if (!ready) return
    await session.close()
    await sandbox.dispose()
  })

  it('a file step that fails for the doc\'s reason stays not applied, with the reason', async () => {
    const onDirectory = await session.writeFileStep({id: 'file@2', path: 'data', text: 'x', mode: 'full'})
    expect(onDirectory.status).toBe('not-applied')
    expect(onDirectory.reason).toMatch(/could not write .*data: .*Is a directory/)
    expect(onDirectory.reason).not.toMatch(/bwrap/)
  })

  it('a check in a directory the steps removed fails as a command, not as the sandbox', async () => {
    await session.run({id: 'command@3', text: 'mkdir gone && cd gone && rm -rf ../gone'})
    const outcome = await runInSandbox(sandbox, ['git', 'rev-parse', '--is-inside-work-tree'], {cwd: path.join(sandbox.paths.work, 'project', 'gone')})
    expect(outcome.exitCode).not.toBe(0)
    expect(outcome.stderr).toMatch(/can't cd|No such file/)
    await session.run({id: 'command@4', text: 'cd ..'})
  })

  it('the sandbox\'s own directory gone (a /tmp cleaner): a file step and a check throw SandboxError in bwrap\'s words', async () => {
    fs.rmSync(sandbox.paths.slashTmp, {recursive: true})
    const write = session.writeFileStep({id: 'file@5', path: 'params.yaml', text: 'seed: 1', mode: 'full'})
    await expect(write).rejects.toThrow(SandboxError)
    await expect(write).rejects.toThrow(/could not start the write of the file step .*params\.yaml: bwrap: Can't find source path .*slash-tmp.*not a finding about the doc/)
    const check = runInSandbox(sandbox, ['git', 'rev-parse', 'HEAD'])
    await expect(check).rejects.toThrow(SandboxError)
    await expect(check).rejects.toThrow(/could not start `git rev-parse HEAD`: bwrap: /)
  })
})

function hostConnect(socket: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    net
      .connect(socket)
      .on('data', (chunk) => (text += chunk))
      .on('end', () => resolve(text))
      .on('error', reject)
  })
}
