import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createSandbox} from '../../src/runner/index.js'
import {bwrapArguments} from '../../src/runner/lib/sandbox-mounts.js'
import {privateRunArguments} from '../../src/runner/lib/sandbox-run-dir.js'

// The bubblewrap command line only, built from real directories: no bwrap
// runs here (what bwrap does with it is in bwrap-sandbox.e2e.test.ts).

let top: string
const servers: net.Server[] = []

async function listenAt(socket: string): Promise<void> {
  fs.mkdirSync(path.dirname(socket), {recursive: true})
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(socket, () => resolve()))
  servers.push(server)
}

/** A host's /run as a tree: container-engine and D-Bus sockets, the
 * resolver's directory, a tool directory, links out and in. */
async function fakeRun(): Promise<{run: string; resolvConf: string}> {
  const run = fs.mkdtempSync(path.join(top, 'run-'))
  await listenAt(path.join(run, 'docker.sock'))
  await listenAt(path.join(run, 'containerd', 'containerd.sock'))
  await listenAt(path.join(run, 'dbus', 'system_bus_socket'))
  fs.mkdirSync(path.join(run, 'systemd', 'resolve'), {recursive: true})
  fs.writeFileSync(path.join(run, 'systemd', 'resolve', 'stub-resolv.conf'), 'nameserver 127.0.0.53\n')
  await listenAt(path.join(run, 'systemd', 'resolve', 'io.systemd.Resolve'))
  fs.mkdirSync(path.join(run, 'wrappers', 'bin'), {recursive: true})
  fs.symlinkSync('/dev/shm', path.join(run, 'shm'))
  fs.symlinkSync('docker.sock', path.join(run, 'docker-link.sock'))
  const resolvConf = path.join(run, '..', `${path.basename(run)}-resolv.conf`)
  fs.symlinkSync(path.join(run, 'systemd', 'resolve', 'stub-resolv.conf'), resolvConf)
  return {run, resolvConf}
}

beforeAll(() => {
  top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dv-mounts-')))
})

afterAll(() => {
  for (const server of servers) server.close()
  fs.rmSync(top, {recursive: true, force: true})
})

describe('the sandbox\'s private /run', () => {
  it('is an empty tmpfs with only what a terminal needs bound back: links out, a writable lock, the resolver\'s file, PATH tools', async () => {
    const {run, resolvConf} = await fakeRun()
    const args = privateRunArguments({runDir: run, resolvConf, pathEntries: [path.join(run, 'wrappers', 'bin'), '/usr/bin']})
    expect(args).toEqual([
      '--tmpfs', run,
      '--symlink', '/dev/shm', path.join(run, 'shm'),
      '--dir', path.join(run, 'lock'),
      '--ro-bind-try', path.join(run, 'systemd', 'resolve', 'stub-resolv.conf'), path.join(run, 'systemd', 'resolve', 'stub-resolv.conf'),
      '--ro-bind-try', path.join(run, 'wrappers', 'bin'), path.join(run, 'wrappers', 'bin')
    ])
    // No socket is named, so none that goes away can break a later bwrap.
    expect(args.join(' ')).not.toMatch(/docker|containerd|dbus|\.sock|io\.systemd/)
  })

  it('binds a resolver file kept in /run itself, not the whole /run', () => {
    const run = fs.mkdtempSync(path.join(top, 'run-'))
    fs.writeFileSync(path.join(run, 'resolv.conf'), 'nameserver 10.0.0.1\n')
    const resolvConf = path.join(top, `${path.basename(run)}-resolv.conf`)
    fs.symlinkSync(path.join(run, 'resolv.conf'), resolvConf)
    const args = privateRunArguments({runDir: run, resolvConf, pathEntries: []})
    expect(args).toContain(path.join(run, 'resolv.conf'))
    expect(args.filter((arg) => arg === run)).toEqual([run])
  })

  it('leaves a /var/run that links to /run (covered there) and a missing one alone', () => {
    const run = fs.mkdtempSync(path.join(top, 'run-'))
    const varRun = path.join(top, `${path.basename(run)}-var-run`)
    fs.symlinkSync(run, varRun)
    expect(privateRunArguments({runDir: varRun, resolvConf: '/etc/resolv.conf', pathEntries: []})).toEqual([])
    expect(privateRunArguments({runDir: path.join(top, 'no-such-run'), resolvConf: '/etc/resolv.conf', pathEntries: []})).toEqual([])
  })

  it('on this machine: /run and a real /var/run are private, nothing is bound over a socket', () => {
    const args = bwrapArguments({root: path.join(top, 'root'), writable: [], hidden: [], path: process.env.PATH ?? '', readOnly: [], unshareNet: false})
    const run = fs.realpathSync('/run')
    expect(args.join(' ')).toContain(`--tmpfs ${run}`)
    if (fs.existsSync('/var/run') && !fs.lstatSync('/var/run').isSymbolicLink()) expect(args.join(' ')).toContain('--tmpfs /var/run')
    // The old way hid each known socket by binding /dev/null over it.
    expect(args).not.toContain('/dev/null')
    expect(args.filter((arg) => arg.endsWith('.sock'))).toEqual([])
  })
})

describe('the bwrap command line is made when each command starts', () => {
  it('a tool directory or a hidden home removed after the sandbox was made is no longer mounted', async () => {
    const home = fs.mkdtempSync(path.join(top, 'home-'))
    const tool = path.join(home, '.tool')
    fs.mkdirSync(path.join(tool, 'bin'), {recursive: true})
    const sandbox = await createSandbox({
      isolation: {mode: 'bwrap', networkFiltered: false, line: 'sandbox: bwrap (unit test: command lines only, none started)', bwrap: 'bwrap'},
      parentEnv: {PATH: `${path.join(tool, 'bin')}:/usr/bin:/bin`, HOME: home},
      hidden: [home],
      pipCacheDir: path.join(top, 'pip'),
      tmpDir: top
    })
    try {
      const first = sandbox.command(['true']).args.join(' ')
      expect(first).toContain(`--tmpfs ${home} `)
      // A host directory may vanish between this call and bwrap's start.
      expect(first).toContain(`--ro-bind-try ${tool} ${tool}`)
      fs.rmSync(tool, {recursive: true})
      const second = sandbox.command(['true']).args.join(' ')
      expect(second).not.toContain(tool)
      fs.rmSync(home, {recursive: true})
      const third = sandbox.command(['true']).args.join(' ')
      expect(third).not.toContain(home)
      // The shared pip cache, removed mid-run, is made again and bound.
      fs.rmSync(path.join(top, 'pip'), {recursive: true})
      expect(sandbox.command(['true']).args.join(' ')).toContain(`--bind-try ${path.join(top, 'pip')} `)
      expect(fs.existsSync(path.join(top, 'pip'))).toBe(true)
      // Asked for: bwrap's status on a descriptor of the started program.
      expect(sandbox.command(['true'], {statusFd: 3}).args.join(' ')).toMatch(/--json-status-fd 3 --chdir \S+ -- true$/)
    } finally {
      await sandbox.dispose()
    }
  })
})

describe('certificate files the passed-through variables name', () => {
  it('are bound read-only at their path after the hidden home is covered; a directory or a missing file binds nothing', () => {
    const home = fs.mkdtempSync(path.join(top, 'home-'))
    const bundle = path.join(home, 'corp-ca.pem')
    fs.writeFileSync(bundle, 'ca')
    const link = path.join(home, 'ca-link.pem')
    fs.symlinkSync(bundle, link)
    const args = bwrapArguments({root: path.join(top, 'sandbox'), writable: [], hidden: [home], path: '', readOnly: [], unshareNet: false, runDirs: [], certificateFiles: [bundle, link, home, path.join(home, 'missing.pem'), 'relative.pem']})
    const hideHome = args.findIndex((arg, index) => arg === '--tmpfs' && args[index + 1] === home)
    const bindBundle = args.findIndex((arg, index) => arg === '--ro-bind-try' && args[index + 1] === bundle && args[index + 2] === bundle)
    const bindLink = args.findIndex((arg, index) => arg === '--ro-bind-try' && args[index + 1] === bundle && args[index + 2] === link)
    expect(hideHome).toBeGreaterThanOrEqual(0)
    expect(bindBundle).toBeGreaterThan(hideHome)
    expect(bindLink).toBeGreaterThan(hideHome)
    expect(args).not.toContain(path.join(home, 'missing.pem'))
    expect(args).not.toContain('relative.pem')
    expect(args.filter((arg) => arg === home)).toHaveLength(1)
  })
})
