import fs from 'node:fs'
import {reapOnKill, releaseOnKill} from './reaper.js'

/**
 * The one registry of what this process started and must not leave behind:
 * process groups (a block's shell, a sandbox, the GCS emulator) and
 * temporary directories (sandboxes). One set of signal handlers ends them
 * all when the user presses Ctrl-C, the process is terminated or exits
 * without cleaning up. Handlers are installed only while something is
 * registered, so a host process keeps its normal signal behaviour otherwise.
 *
 * A SIGKILL of this process runs no handler: what must die then is tied to
 * it by the kernel instead (bubblewrap's --die-with-parent for sandboxes,
 * a parent-death signal for the emulator; see start-process.ts), and what
 * must be removed (directories, containers) is listed with the reaper
 * (reaper.ts), which removes it when this process is gone.
 */

const groups = new Set<number>()
const roots = new Set<string>()
const kept = new Set<string>()
const closers = new Set<() => void>()
let installed = false

const exitCodes: Record<string, number> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129}
const signals = Object.keys(exitCodes) as NodeJS.Signals[]

function killAll(): void {
  for (const close of closers) {
    try {
      close()
    } catch {
      // Best effort at exit.
    }
  }
  closers.clear()
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  groups.clear()
}

function removeAll(): void {
  for (const root of roots) {
    try {
      fs.rmSync(root, {recursive: true, force: true, maxRetries: 3})
    } catch {
      // Best effort at exit: nothing else can be done.
    }
  }
  roots.clear()
}

function onSignal(signal: NodeJS.Signals): void {
  killAll()
  removeAll()
  for (const root of kept) process.stderr.write(`docs-verify: kept the sandbox at ${root}\n`)
  uninstall()
  // Die of the signal, as a program without handlers would (the shell sees
  // 128+n), unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  else process.exit(exitCodes[signal] ?? 1)
}

function onExit(): void {
  killAll()
  removeAll()
}

function install(): void {
  if (installed) return
  installed = true
  for (const signal of signals) process.on(signal, onSignal)
  process.on('exit', onExit)
}

function uninstall(): void {
  if (!installed) return
  installed = false
  for (const signal of signals) process.off(signal, onSignal)
  process.off('exit', onExit)
}

function update(): void {
  if (roots.size > 0 || groups.size > 0 || closers.size > 0) install()
  else uninstall()
}

/** Kill process group `pgid` (SIGKILL) if this process ends while it runs. */
export function trackGroup(pgid: number): void {
  groups.add(pgid)
  update()
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid)
  update()
}

/** Remove directory `root` if this process ends before it is disposed of. */
export function trackRoot(root: string): void {
  roots.add(root)
  reapOnKill({dir: root})
  update()
}

export function untrackRoot(root: string): void {
  roots.delete(root)
  releaseOnKill({dir: root})
  update()
}

/** A kept directory is not removed, but its path is printed on Ctrl-C. */
export function trackKept(root: string, keep: boolean): void {
  if (keep) kept.add(root)
  else kept.delete(root)
}

/** Run `close` (synchronously) if this process ends before `release()`:
 * for in-process servers a signal would otherwise leave half-closed. */
export function trackCloser(close: () => void): {release(): void} {
  closers.add(close)
  update()
  return {
    release() {
      closers.delete(close)
      update()
    }
  }
}

/** What is registered now (tests check that a run leaves nothing). */
export function tracked(): {groups: number[]; roots: string[]} {
  return {groups: [...groups], roots: [...roots]}
}
