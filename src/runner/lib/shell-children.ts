import fs from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'
import {addDescendants, isAlive, listProcesses} from '../../process/index.js'
import type {ProcessEntry} from '../../process/index.js'

/**
 * The processes a block of the persistent shell started: the shell's
 * children (and theirs), never the shell itself, so a timeout can end a
 * block and keep the terminal.
 */

/** Direct children of `pid`: one small /proc read, cheap enough per block. */
export function childrenOf(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    return text === '' ? [] : text.split(' ').map(Number)
  } catch {
    // No children file (kernel without CONFIG_PROC_CHILDREN): scan /proc.
    return listProcesses()
      .filter((entry) => entry.ppid === pid && entry.state !== 'Z')
      .map((entry) => entry.pid)
  }
}

/** `roots` and every live descendant of them. */
export function withDescendants(roots: readonly number[], table: ProcessEntry[] = listProcesses()): number[] {
  const members = addDescendants(new Set(roots), table)
  return [...members].filter((pid) => isAlive(pid))
}

function signalEach(pids: Iterable<number>, signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {
      // Gone in between.
    }
  }
}

async function waitGone(known: Set<number>, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms
  for (;;) {
    // A process may still fork while it is being stopped: take its children too.
    for (const pid of withDescendants([...known])) known.add(pid)
    const left = [...known].filter((pid) => isAlive(pid))
    if (left.length === 0 || Date.now() >= deadline) return left
    await sleep(25)
  }
}

/**
 * Stop `pids` and their descendants: SIGTERM first so servers can shut
 * down, SIGKILL after `graceMs`. Returns the strongest signal needed and
 * any process that still survived.
 */
export async function stopProcesses(
  pids: readonly number[],
  graceMs = 1000
): Promise<{signal: 'SIGTERM' | 'SIGKILL' | null; survivors: number[]}> {
  const known = new Set(withDescendants(pids))
  if (known.size === 0) return {signal: null, survivors: []}
  signalEach(known, 'SIGTERM')
  let left = await waitGone(known, graceMs)
  if (left.length === 0) return {signal: 'SIGTERM', survivors: []}
  signalEach(left, 'SIGKILL')
  left = await waitGone(known, 2000)
  return {signal: 'SIGKILL', survivors: left}
}

/** The program names (argv[0] without its folder) of `pids`. */
export function programNames(pids: readonly number[]): string[] {
  const names: string[] = []
  for (const pid of pids) {
    try {
      const argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? ''
      names.push(argv0.split('/').at(-1) ?? '')
    } catch {
      // Gone.
    }
  }
  return names
}

/**
 * The host pid of the shell that knows itself as `shellPid` ($$): the
 * process docs-verify started, or, under bubblewrap (its own PID
 * namespace), one of that process's descendants.
 */
export function hostPidOf(started: number, shellPid: number): number {
  for (const pid of withDescendants([started])) {
    try {
      const match = /^NSpid:\s+(.*)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (Number(match?.[1]?.trim().split(/\s+/).at(-1)) === shellPid) return pid
    } catch {
      // Gone.
    }
  }
  return started
}
