import {setTimeout as sleep} from 'node:timers/promises'
import {groupMembers, isAlive, listProcesses} from './process-table.js'

function signalAll(pgid: number, pids: readonly number[], signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // The group may already be empty; its escaped descendants are below.
  }
  // Members still in the group got the signal once; a second one would cut
  // the shell's exit trap short (it saves the terminal state).
  const escaped = listProcesses().filter((entry) => pids.includes(entry.pid) && entry.pgrp !== pgid)
  for (const {pid} of escaped) {
    try {
      process.kill(pid, signal)
    } catch {
      // Gone in between.
    }
  }
}

/** Members still alive: those seen before (an orphan is reparented and
 * would drop out of a fresh descendant scan) plus any new group member. */
function alive(pgid: number, known: Set<number>): number[] {
  for (const pid of groupMembers(pgid)) known.add(pid)
  return [...known].filter((pid) => isAlive(pid))
}

async function waitGone(pgid: number, known: Set<number>, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms
  let left = alive(pgid, known)
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(25)
    left = alive(pgid, known)
  }
  return left
}

/**
 * Stop a block's whole process group (and descendants that left it): the
 * shell's grandchildren otherwise keep running and keep its pipes open.
 * SIGTERM first so servers can shut down, SIGKILL after `graceMs`.
 * Returns the strongest signal needed and any process that still survived.
 */
export async function stopGroup(
  pgid: number,
  graceMs = 1000
): Promise<{signal: 'SIGTERM' | 'SIGKILL' | null; survivors: number[]}> {
  const members = groupMembers(pgid)
  if (members.length === 0) return {signal: null, survivors: []}
  const known = new Set(members)
  signalAll(pgid, members, 'SIGTERM')
  let left = await waitGone(pgid, known, graceMs)
  if (left.length === 0) return {signal: 'SIGTERM', survivors: []}
  signalAll(pgid, left, 'SIGKILL')
  left = await waitGone(pgid, known, 2000)
  return {signal: 'SIGKILL', survivors: left}
}
