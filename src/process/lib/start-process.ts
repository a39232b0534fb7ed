import {execa} from 'execa'
import type {ChildProcess, StdioOptions} from 'node:child_process'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {stopGroup} from './stop-group.js'
import {trackGroup, untrackGroup} from './lifetime.js'

/** How to start a program: what `Sandbox.command()` returns, and what
 * every child process of docs-verify is started from. */
export interface SpawnPlan {
  file: string
  args: string[]
  env: Record<string, string>
  cwd: string
}

export interface StartOptions {
  stdio?: StdioOptions
  /** Kill the program (SIGKILL) when docs-verify dies, even by SIGKILL:
   * through the kernel's parent-death signal (`setpriv --pdeathsig`), so
   * no handler has to run. Its own children are not covered: wrap those in
   * a sandbox (bubblewrap's --die-with-parent ends its whole PID namespace). */
  dieWithParent?: boolean
}

/** An environment without unset names (process.env may hold undefined). */
export function definedEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value
  return out
}

let setprivPath: string | null | undefined

function findSetpriv(): string | null {
  if (setprivPath !== undefined) return setprivPath
  setprivPath = null
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'setpriv')
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      setprivPath = candidate
      break
    } catch {
      // Not here.
    }
  }
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (setprivPath === null && fs.existsSync(candidate)) setprivPath = candidate
  }
  return setprivPath
}

/** True when programs can be tied to this process's life by the kernel. */
export function canTieToParent(): boolean {
  return process.platform === 'linux' && findSetpriv() !== null
}

/**
 * Start a program as the leader of its own process group, registered so
 * it is killed (whole group) if docs-verify ends first. Stop it with
 * {@link stopProcess}.
 */
export function startProcess(plan: SpawnPlan, options: StartOptions = {}): ChildProcess {
  let {file, args} = plan
  const setpriv = options.dieWithParent && canTieToParent() ? findSetpriv() : null
  if (setpriv) {
    args = ['--pdeathsig', 'KILL', '--', file, ...args]
    file = setpriv
  }
  const child = spawn(file, args, {cwd: plan.cwd, env: plan.env, detached: true, stdio: options.stdio ?? 'ignore'})
  if (child.pid === undefined) {
    // The 'error' event follows; the caller may listen, the process must not crash.
    child.once('error', () => undefined)
    return child
  }
  trackGroup(child.pid)
  child.once('exit', () => {
    // The leader is gone; a group member left over is stopped by stopProcess.
    if (child.pid !== undefined && !groupAlive(child.pid)) untrackGroup(child.pid)
  })
  return child
}

/** True while any process is left in group `pgid` (zombies included). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Stop a program started by {@link startProcess} and everything it
 * started: SIGTERM, then SIGKILL after `graceMs`. Resolves once all are gone.
 */
export async function stopProcess(child: ChildProcess, graceMs = 2000): Promise<{signal: 'SIGTERM' | 'SIGKILL' | null; survivors: number[]}> {
  const pid = child.pid
  if (pid === undefined) return {signal: null, survivors: []}
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stopped = await stopGroup(pid, graceMs)
  await exited
  untrackGroup(pid)
  return stopped
}

export interface CommandOutcome {
  exitCode: number | null
  stdout: string
  stderr: string
  /** Why it did not start or did not end normally, if so. */
  failure?: string
  /** Ended by the timeout. */
  timedOut?: true
  /** What it wrote on descriptor 3, when asked (a status channel such as
   * bubblewrap's --json-status-fd). */
  fd3?: string
}

/**
 * Run a short command to its end (a probe, a git query) and collect its
 * output: never throws for a non-zero exit. Killed with its group on
 * timeout and if docs-verify ends first.
 */
export async function runProcess(plan: SpawnPlan, options: {timeoutMs?: number; input?: string; collectFd3?: boolean} = {}): Promise<CommandOutcome> {
  const subprocess = execa(plan.file, plan.args, {
    cwd: plan.cwd,
    env: plan.env,
    extendEnv: false,
    reject: false,
    detached: true,
    // Our own registry (lifetime.ts) handles exit and signals: one set of handlers.
    cleanup: false,
    stripFinalNewline: false,
    ...(options.input === undefined ? {} : {input: options.input}),
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', ...(options.collectFd3 ? ['pipe' as const] : [])]
  })
  const pid = subprocess.pid
  let timedOut = false
  let timer: NodeJS.Timeout | undefined
  if (pid !== undefined) {
    trackGroup(pid)
    // Its whole group goes: a job it left behind would hold the output pipes
    // open, and the result would never come.
    const endGroup = (): void => {
      if (groupAlive(pid)) void stopGroup(pid, 200)
    }
    subprocess.nodeChildProcess.once('exit', endGroup)
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true
        endGroup()
      }, options.timeoutMs)
    }
  }
  const result = await subprocess
  clearTimeout(timer)
  if (pid !== undefined) untrackGroup(pid)
  const outcome: CommandOutcome = {
    exitCode: timedOut ? null : (result.exitCode ?? null),
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? '')
  }
  if (options.collectFd3) outcome.fd3 = String(result.stdio[3] ?? '')
  if (timedOut) {
    outcome.failure = `timed out after ${options.timeoutMs} ms`
    outcome.timedOut = true
  } else if (result.failed && result.exitCode === undefined) outcome.failure = result.shortMessage
  return outcome
}
