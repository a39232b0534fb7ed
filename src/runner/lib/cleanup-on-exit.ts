import fs from 'node:fs'

/**
 * Last-resort cleanup: when the user presses Ctrl-C, the process is
 * terminated or crashes, the sandboxes it made are removed and the process
 * groups it started are killed, so nothing is left behind in /tmp or running.
 * Handlers are installed only while something is registered, so the host
 * process keeps its normal signal behaviour otherwise.
 */

const roots = new Set<string>()
const kept = new Set<string>()
const groups = new Set<number>()
let installed = false

const exitCodes: Record<string, number> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129}
const signals = Object.keys(exitCodes) as NodeJS.Signals[]

function killAll(): void {
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
  process.exit(exitCodes[signal] ?? 1)
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
  if (roots.size > 0 || groups.size > 0) install()
  else uninstall()
}

/** Remove `root` if the process ends before it is disposed of. */
export function trackRoot(root: string): void {
  roots.add(root)
  update()
}

export function untrackRoot(root: string): void {
  roots.delete(root)
  update()
}

/** A kept sandbox is not removed, but its path is printed on Ctrl-C. */
export function trackKept(root: string, keep: boolean): void {
  if (keep) kept.add(root)
  else kept.delete(root)
}

/** Kill process group `pgid` if the process ends while it runs. */
export function trackGroup(pgid: number): void {
  groups.add(pgid)
  update()
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid)
  update()
}
