import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {trackKept, trackRoot, untrackRoot} from '../../process/index.js'
import type {SpawnPlan} from '../../process/index.js'
import {bridgePrelude, openNetworkGate} from './network-gate.js'
import type {NetworkGate} from './network-gate.js'
import {defaultNetworkPolicy, describeNetworkPolicy} from './network-policy.js'
import type {NetworkPolicy} from './network-policy.js'
import {buildSandboxEnv, certificateFileEnv} from './sandbox-env.js'
import type {SandboxPaths} from './sandbox-env.js'
import type {ResolvedSandboxMode, SandboxMode} from './sandbox-mode.js'
import {bwrapArguments, defaultHiddenDirs} from './sandbox-mounts.js'
import type {MountInput} from './sandbox-mounts.js'

export interface SandboxOptions {
  /** Keep the workspace after dispose() (and on Ctrl-C) to inspect it. */
  keep?: boolean
  /** Extra variables for every step: the cloud stand-ins' endpoints, ... */
  env?: Record<string, string>
  /** The environment the allowlist reads from (default process.env). Tests
   * pass a planted one here instead of touching the real environment. */
  parentEnv?: Readonly<Record<string, string | undefined>>
  /** More variable names to copy from parentEnv. */
  passEnv?: readonly string[]
  /** Where pip caches downloads (default: the user's shared cache). */
  pipCacheDir?: string
  /** Parent directory of the workspace (default os.tmpdir()). */
  tmpDir?: string
  /** Git identity of the learner. */
  gitUser?: {name: string; email: string}
  /** From resolveSandboxMode (default: mode none, nothing isolated). */
  isolation?: ResolvedSandboxMode
  /** Hosts steps may reach besides the package registries (config
   * sandbox.allowHosts). */
  allowHosts?: readonly string[]
  /** Directories hidden from steps (default: the user's home directories). */
  hidden?: readonly string[]
}

/** What the sandbox guarantees, for the report. */
export interface SandboxIsolation {
  mode: SandboxMode
  /** False for mode none: the report says the run was not isolated. */
  isolated: boolean
  /** Steps reach only the allow-list and the stand-ins. */
  networkFiltered: boolean
  /** The one line saying which mode and why. */
  line: string
  /** The network policy, when filtered. */
  network?: string
}

export interface CommandOptions {
  /** Where it starts (default the sandbox's work directory). */
  cwd?: string
  /** Its whole environment (default the sandbox's env). */
  env?: Record<string, string>
  /** Needs no network (a check by docs-verify): starts faster, without
   * the bridges to the allow-list proxy and the stand-ins. */
  offline?: boolean
  /** Mode bwrap: bwrap writes its JSON status to this descriptor of the
   * started program; `{"exit-code": N}` comes only once the sandbox was
   * set up and the command started (see runInSandbox). */
  statusFd?: number
}

export interface Sandbox {
  root: string
  paths: SandboxPaths
  /** The environment every step starts from. */
  env: Record<string, string>
  keep: boolean
  mode: SandboxMode
  isolation: SandboxIsolation
  /**
   * How to start `argv` inside the sandbox: under bubblewrap (mode bwrap)
   * or as is (mode none, the sandbox's env and directory only). Start the
   * plan with any spawn function; in mode bwrap a SIGKILL of docs-verify
   * ends it and everything it started.
   */
  command(argv: readonly string[], options?: CommandOptions): SpawnPlan
  /** Make a stand-in on the host's 127.0.0.1:port reachable from steps
   * started afterwards. */
  allowLocalPort(port: number, label: string): Promise<void>
  /** Hosts steps tried to reach and were refused. */
  deniedHosts(): {target: string; reason: string; count: number}[]
  /** Remove the workspace (unless kept). Safe to call twice. */
  dispose(): Promise<{removed: boolean; path: string}>
}

/** Git's own defaults except identity and branch name: advice hints stay,
 * because the docs show them. */
function gitConfigText(user: {name: string; email: string}): string {
  return [
    '[user]',
    `\tname = ${user.name}`,
    `\temail = ${user.email}`,
    '[init]',
    '\tdefaultBranch = main',
    ''
  ].join('\n')
}

/**
 * Make a fresh workspace for one run: a home, the learner's working
 * directory, XDG directories, a gcloud configuration directory and a git
 * identity, plus the allowlisted environment that points at them.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const parentEnv = options.parentEnv ?? process.env
  const root = await fsp.realpath(
    await fsp.mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'docs-verify-'))
  )
  const keep = options.keep ?? false
  // Registered before anything else can fail, so a crash still cleans up.
  if (keep) trackKept(root, true)
  else trackRoot(root)
  const home = path.join(root, 'home')
  const paths: SandboxPaths = {
    root,
    home,
    work: path.join(root, 'work'),
    tmp: path.join(root, 'tmp'),
    gcloud: path.join(root, 'gcloud'),
    xdgConfig: path.join(home, '.config'),
    xdgCache: path.join(home, '.cache'),
    xdgData: path.join(home, '.local', 'share'),
    xdgState: path.join(home, '.local', 'state'),
    gitConfig: path.join(home, '.gitconfig'),
    run: path.join(root, 'run'),
    stateFile: path.join(root, 'run', 'shell-state.sh'),
    slashTmp: path.join(root, 'slash-tmp'),
    slashVarTmp: path.join(root, 'slash-var-tmp')
  }
  try {
    for (const dir of [paths.work, paths.tmp, paths.gcloud, paths.xdgConfig, paths.xdgCache, paths.xdgData, paths.xdgState, paths.run, paths.slashTmp, paths.slashVarTmp]) {
      await fsp.mkdir(dir, {recursive: true})
    }
    await fsp.writeFile(
      paths.gitConfig,
      gitConfigText(options.gitUser ?? {name: 'docs-verify', email: 'docs-verify@example.com'})
    )
  } catch (error) {
    await fsp.rm(root, {recursive: true, force: true})
    untrackRoot(root)
    throw error
  }
  const envOptions: Parameters<typeof buildSandboxEnv>[2] = {}
  if (options.env) envOptions.extraEnv = options.env
  if (options.passEnv) envOptions.passEnv = options.passEnv
  if (options.pipCacheDir) envOptions.pipCacheDir = options.pipCacheDir
  const env = buildSandboxEnv(paths, parentEnv, envOptions)
  const resolved = options.isolation ?? {mode: 'none' as const, networkFiltered: false, line: 'sandbox: none: steps are NOT isolated'}
  const policy = defaultNetworkPolicy(options.allowHosts, parentEnv)
  let gate: NetworkGate | undefined
  let mounts: MountInput | undefined
  if (resolved.mode === 'bwrap') {
    if (resolved.networkFiltered) gate = await openNetworkGate(path.join(root, 'net'), policy)
    const writable = [env.PIP_CACHE_DIR].filter((dir): dir is string => dir !== undefined && !dir.startsWith(`${root}/`))
    mounts = {
      root,
      writable,
      hidden: options.hidden ?? defaultHiddenDirs(parentEnv),
      path: env.PATH ?? '',
      readOnly: gate ? [gate.dir] : [],
      unshareNet: gate !== undefined,
      // One private /tmp per sandbox, kept from block to block.
      slashTmp: paths.slashTmp,
      slashVarTmp: paths.slashVarTmp,
      certificateFiles: certificateFileEnv.map((name) => env[name]).filter((file): file is string => file !== undefined && file !== '')
    }
  }
  const isolation: SandboxIsolation = {mode: resolved.mode, isolated: resolved.mode === 'bwrap', networkFiltered: gate !== undefined, line: resolved.line}
  if (gate) isolation.network = describeNetworkPolicy(policy)
  let disposed = false
  return {
    root,
    paths,
    env,
    keep,
    mode: resolved.mode,
    isolation,
    command(argv, commandOptions = {}) {
      const cwd = commandOptions.cwd ?? paths.work
      const commandEnv = {...(commandOptions.env ?? env)}
      if (!mounts) return {file: argv[0]!, args: argv.slice(1), env: commandEnv, cwd}
      // The shared pip cache, made again if someone removed it mid-run (one
      // that cannot be made is left out: pip then caches in the sandbox).
      for (const dir of mounts.writable) {
        try {
          fs.mkdirSync(dir, {recursive: true})
        } catch {
          // --bind-try skips it.
        }
      }
      let inner = [...argv]
      if (gate && resolved.socat && !commandOptions.offline) {
        Object.assign(commandEnv, proxyEnv(gate.proxyPort))
        inner = ['/bin/bash', '-c', bridgePrelude(gate.bridges(), resolved.socat), 'docs-verify-net', ...argv]
      }
      const status = commandOptions.statusFd === undefined ? [] : ['--json-status-fd', String(commandOptions.statusFd)]
      return {file: resolved.bwrap ?? 'bwrap', args: [...bwrapArguments(mounts), ...status, '--chdir', cwd, '--', ...inner], env: commandEnv, cwd}
    },
    async allowLocalPort(port, label) {
      if (gate) await gate.allowLocalPort(port, label)
      else if (!policy.localPorts.some((entry) => entry.port === port)) policy.localPorts.push({port, label})
      if (gate) isolation.network = describeNetworkPolicy(policy)
    },
    deniedHosts: () => gate?.denied() ?? [],
    async dispose() {
      if (keep) trackKept(root, false)
      await gate?.close()
      if (keep || disposed) return {removed: !keep && disposed, path: root}
      disposed = true
      await fsp.rm(root, {recursive: true, force: true, maxRetries: 3})
      untrackRoot(root)
      return {removed: true, path: root}
    }
  }
}

/** Every client's proxy variables point at the gate; the stand-ins are
 * reached directly (bridged at the same loopback address). */
function proxyEnv(port: number): Record<string, string> {
  const proxy = `http://127.0.0.1:${port}`
  const noProxy = ['127.0.0.1', 'localhost', '::1']
  return {
    http_proxy: proxy,
    https_proxy: proxy,
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    no_proxy: noProxy.join(','),
    NO_PROXY: noProxy.join(','),
    // npm reads its own names first.
    npm_config_proxy: proxy,
    npm_config_https_proxy: proxy
  }
}

export type {NetworkPolicy}
