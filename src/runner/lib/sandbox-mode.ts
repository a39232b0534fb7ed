import fs from 'node:fs'
import path from 'node:path'
import {runProcess} from '../../process/index.js'

/** `bwrap`: bubblewrap isolates every step. `none`: a temporary directory
 * and a filtered environment only (no OS isolation). */
export type SandboxMode = 'bwrap' | 'none'
export type RequestedSandboxMode = 'auto' | SandboxMode

export interface ResolvedSandboxMode {
  mode: SandboxMode
  /** Steps have no network but the allow-list gate (needs socat). */
  networkFiltered: boolean
  /** The one line the CLI prints: which mode and why. */
  line: string
  bwrap?: string
  socat?: string
}

export function findOnPath(name: string, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  for (const dir of (env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, name)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // Not here.
    }
  }
  return undefined
}

/** Start a trivial sandbox: bwrap exists on many machines where user
 * namespaces are refused (some containers, Ubuntu's AppArmor policy). With
 * --json-status-fd, which tells bwrap's failures from a command's: a bwrap
 * too old for it is refused here, not at every step. */
async function probeBwrap(bwrap: string): Promise<string | undefined> {
  const outcome = await runProcess(
    {file: bwrap, args: ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp', '--unshare-pid', '--unshare-net', '--die-with-parent', '--new-session', '--json-status-fd', '1', 'true'], env: {PATH: process.env.PATH ?? '/usr/bin:/bin'}, cwd: '/'},
    {timeoutMs: 20_000}
  )
  if (outcome.exitCode === 0) return undefined
  return (outcome.failure ?? outcome.stderr.trim().split('\n').pop()) || `exit ${outcome.exitCode}`
}

const guarantees = 'host files read-only, home hidden, private /tmp and /run (no host service sockets), own PID namespace'

/**
 * Decide the sandbox mode once per run. `auto` uses bubblewrap when a
 * trivial sandbox starts, else `none`, and says why in one line. `bwrap`
 * asked for and not working is an error the caller reports.
 */
export async function resolveSandboxMode(requested: RequestedSandboxMode, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ResolvedSandboxMode> {
  if (requested === 'none') {
    return {mode: 'none', networkFiltered: false, line: 'sandbox: none (--sandbox none): steps are NOT isolated from your files, processes and network'}
  }
  const platform = process.platform
  const bwrap = platform === 'linux' ? findOnPath('bwrap', env) : undefined
  let why: string | undefined
  if (platform !== 'linux') why = `bubblewrap needs Linux, this is ${platform}`
  else if (!bwrap) why = 'bwrap is not on PATH (install the bubblewrap package)'
  else why = await probeBwrap(bwrap)
  if (why !== undefined) {
    if (requested === 'bwrap') throw new Error(`--sandbox bwrap: ${why}`)
    return {mode: 'none', networkFiltered: false, line: `sandbox: none (auto: ${why}): steps are NOT isolated from your files, processes and network`}
  }
  const socat = findOnPath('socat', env)
  const network = socat ? 'network through the allow-list' : 'network NOT filtered: socat is not on PATH (install socat)'
  const line = `sandbox: bwrap (${requested === 'auto' ? 'auto: ' : ''}bubblewrap works here: ${guarantees}, ${network})`
  const resolved: ResolvedSandboxMode = {mode: 'bwrap', networkFiltered: socat !== undefined, line, bwrap: bwrap!}
  if (socat) resolved.socat = socat
  return resolved
}
