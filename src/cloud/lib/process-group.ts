import type {ChildProcess} from 'node:child_process'

// Process groups started by this module; killed when Node exits so a crashed
// or interrupted run leaves no server listening.
const groups = new Set<number>()
let hooked = false

function killAll(signal: NodeJS.Signals): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, signal)
    } catch {
      // Already gone.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  killAll('SIGKILL')
  groups.clear()
  // Keep the default behaviour (exit) unless someone else handles the signal.
  process.removeListener(signal, onSignal)
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function hook(): void {
  if (hooked) return
  hooked = true
  process.on('exit', () => killAll('SIGKILL'))
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

/** Remember a detached child's process group so it dies with Node. */
export function trackProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return
  hook()
  groups.add(child.pid)
}

/**
 * Stop a detached child and everything it started: SIGTERM to its group,
 * SIGKILL after `graceMs`. Resolves once the child has exited.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 2000): Promise<void> {
  const pid = child.pid
  if (pid === undefined) return
  groups.delete(pid)
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(pid, 'SIGKILL')
    return
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
  // Grandchildren, if any, go with the group.
  signalGroup(pid, 'SIGKILL')
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // The group is empty.
  }
}
