import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {isBelow, realPathOf} from './host-paths.js'
import {privateRunArguments} from './sandbox-run-dir.js'

/**
 * The bubblewrap command line of a sandboxed command: the host's
 * filesystem read-only, the user's home directories hidden (credentials
 * live there), the sandbox's own directories writable, a private /tmp,
 * /dev and /run, its own PID namespace tied to docs-verify's life.
 */
export interface MountInput {
  /** The sandbox's directory: home, work, tmp and run live in it. */
  root: string
  /** Writable besides the root (the shared pip cache). */
  writable: readonly string[]
  /** Directories hidden behind an empty tmpfs: the user's home(s). */
  hidden: readonly string[]
  /** Programs on PATH under a hidden directory stay runnable (pyenv,
   * cargo, go, the docs-verify cache's fake-gcs-server). */
  path: string
  /** Bound read-only over the rest: the network gate's sockets. */
  readOnly: readonly string[]
  /** Give the sandbox no network of its own (only the gate's sockets). */
  unshareNet: boolean
  /** Bound at /tmp and /var/tmp (tools such as DVC keep their site cache
   * there): private to the sandbox, kept from command to command (default:
   * an empty tmpfs per command). */
  slashTmp?: string
  slashVarTmp?: string
  /** Made private (see privateRunArguments); default `/run` and `/var/run`. */
  runDirs?: readonly string[]
  /** Default `/etc/resolv.conf`. */
  resolvConf?: string
  /** Certificate files the passed-through variables name (SSL_CERT_FILE,
   * NODE_EXTRA_CA_CERTS, ...): bound read-only at that path, so a CA bundle
   * in the hidden home still reaches pip, git and npm. Regular files only:
   * a variable naming a directory binds nothing. */
  certificateFiles?: readonly string[]
}

/** Home-level names that hold credentials: never bound back whole. */
const secretHolders = new Set(['.ssh', '.aws', '.azure', '.config', '.gnupg', '.docker', '.kube', '.local', '.netrc', '.npmrc', '.pypirc', '.git-credentials', '.gitconfig', '.password-store', '.cache'])

/** The directories users' credentials live in on this machine. */
export function defaultHiddenDirs(parentEnv: Readonly<Record<string, string | undefined>>): string[] {
  const dirs = new Set<string>()
  for (const candidate of [parentEnv.HOME, os.homedir(), '/root', '/home']) {
    if (!candidate || candidate === '/') continue
    try {
      dirs.add(fs.realpathSync(candidate))
    } catch {
      // Not on this machine.
    }
  }
  // A home inside another hidden directory is hidden with it.
  return [...dirs].filter((dir) => ![...dirs].some((other) => isBelow(other, dir)))
}

/**
 * What to bind back from a hidden directory so a PATH entry keeps working:
 * the tool's own directory for a `bin`-like entry (`~/.pyenv` for
 * `~/.pyenv/shims`, `~/go` for `~/go/bin`), the entry alone where that
 * directory would be a home or a place credentials live (`~/.local/bin`).
 */
export function toolDirsToKeep(pathEntries: readonly string[], hidden: readonly string[]): string[] {
  const keep = new Set<string>()
  for (const real of pathEntries) {
    let home = hidden.find((dir) => isBelow(dir, real))
    if (home === undefined) continue
    // `/home` holds one home per user.
    if (path.basename(home) === 'home' && path.dirname(home) === '/') home = path.join(home, path.relative(home, real).split(path.sep)[0]!)
    if (home === real) continue
    const parent = path.dirname(real)
    const holder = (dir: string): boolean => dir === home || (path.dirname(dir) === home && secretHolders.has(path.basename(dir)))
    const binLike = ['bin', 'sbin', 'shims', '.bin'].includes(path.basename(real))
    keep.add(binLike && !holder(parent) && isBelow(home, parent) ? parent : real)
  }
  // A directory inside another kept one is bound with it.
  return [...keep].filter((dir) => ![...keep].some((other) => isBelow(other, dir))).sort()
}

/** The real paths of PATH's absolute entries that exist. */
export function realPathEntries(pathValue: string): string[] {
  const found: string[] = []
  for (const entry of pathValue.split(path.delimiter)) {
    // A PATH entry that does not exist binds nothing.
    const real = path.isAbsolute(entry) ? realPathOf(entry) : undefined
    if (real !== undefined) found.push(real)
  }
  return found
}

function pathEntriesUnder(pathEntries: readonly string[], parents: readonly string[], root: string): string[] {
  const found = new Set<string>()
  for (const real of pathEntries) {
    if (parents.some((parent) => isBelow(parent, real)) && !isBelow(root, real) && real !== root) found.add(real)
  }
  return [...found]
}

/** [real path, path as named] of each certificate file that is there (one
 * that is not: the tool reading the variable says so, as on the host). */
function certificateFilesToBind(files: readonly string[]): [string, string][] {
  const found: [string, string][] = []
  for (const file of files) {
    const real = path.isAbsolute(file) ? realPathOf(file) : undefined
    if (real !== undefined && fs.statSync(real, {throwIfNoEntry: false})?.isFile()) found.push([real, file])
  }
  return found
}

/**
 * Computed each time bwrap starts, from what the host has then: a mount
 * fixed when the sandbox was made fails every later bwrap once its source
 * or mount point is gone (a tool directory removed, a socket whose daemon
 * stopped). Sources that are the host's, not the sandbox's, are bound with
 * `-try`: one gone between this call and bwrap's start is left out.
 */
export function bwrapArguments(input: MountInput): string[] {
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc']
  args.push(...(input.slashTmp ? ['--bind', input.slashTmp, '/tmp'] : ['--tmpfs', '/tmp']))
  if (fs.existsSync('/var/tmp')) args.push(...(input.slashVarTmp ? ['--bind', input.slashVarTmp, '/var/tmp'] : ['--tmpfs', '/var/tmp']))
  const pathEntries = realPathEntries(input.path)
  for (const runDir of input.runDirs ?? ['/run', '/var/run']) {
    args.push(...privateRunArguments({runDir, resolvConf: input.resolvConf ?? '/etc/resolv.conf', pathEntries: pathEntries.filter((entry) => !isBelow(input.root, entry))}))
  }
  // A hidden directory that is gone has nothing to hide (and its mount
  // point could not be made on the read-only root).
  for (const dir of input.hidden) if (fs.existsSync(dir)) args.push('--tmpfs', dir)
  for (const dir of toolDirsToKeep(pathEntries, input.hidden)) args.push('--ro-bind-try', dir, dir)
  // A PATH entry in the host's /tmp or /var/tmp (hidden by the private
  // ones) stays runnable, read-only.
  for (const dir of pathEntriesUnder(pathEntries, ['/tmp', '/var/tmp'], input.root)) args.push('--ro-bind-try', dir, dir)
  for (const [real, file] of certificateFilesToBind(input.certificateFiles ?? [])) args.push('--ro-bind-try', real, file)
  args.push('--bind', input.root, input.root)
  for (const dir of input.writable) args.push('--bind-try', dir, dir)
  for (const dir of input.readOnly) args.push('--ro-bind', dir, dir)
  args.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--hostname', 'docs-verify')
  if (input.unshareNet) args.push('--unshare-net')
  // --new-session: a step cannot push keystrokes into docs-verify's terminal.
  args.push('--die-with-parent', '--new-session')
  return args
}
