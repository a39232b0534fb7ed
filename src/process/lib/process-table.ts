import fs from 'node:fs'

/**
 * Linux /proc readers: which processes belong to a block, whether they are
 * alive, and which TCP ports they listen on. Synchronous on purpose: they run
 * at a timeout or kill, where a consistent snapshot matters more than async.
 */

export interface ProcessEntry {
  pid: number
  ppid: number
  pgrp: number
  /** One-letter state from /proc/<pid>/stat (`Z` for a zombie). */
  state: string
}

function readStat(pid: number): ProcessEntry | undefined {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // The command name may hold spaces and parentheses: fields start after the last `)`.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return {pid, state: fields[0] ?? '?', ppid: Number(fields[1]), pgrp: Number(fields[2])}
}

/** Every process visible in /proc. */
export function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const entry = readStat(Number(name))
    if (entry) entries.push(entry)
  }
  return entries
}

/** True when `pid` exists and is not a zombie (a zombie no longer runs). */
export function isAlive(pid: number): boolean {
  const entry = readStat(pid)
  return entry !== undefined && entry.state !== 'Z' && entry.state !== 'X'
}

/** Grow `members` with every descendant of its processes in `table`. */
export function addDescendants(members: Set<number>, table: readonly ProcessEntry[]): Set<number> {
  let grew = true
  while (grew) {
    grew = false
    for (const entry of table) {
      if (!members.has(entry.pid) && members.has(entry.ppid)) {
        members.add(entry.pid)
        grew = true
      }
    }
  }
  return members
}

/**
 * Live processes of group `pgid` and their descendants (a descendant that
 * made a group of its own still belongs to the block).
 */
export function groupMembers(pgid: number, table: ProcessEntry[] = listProcesses()): number[] {
  const members = new Set<number>()
  for (const entry of table) if (entry.pgrp === pgid) members.add(entry.pid)
  addDescendants(members, table)
  const live = table.filter((entry) => members.has(entry.pid) && entry.state !== 'Z' && entry.state !== 'X')
  return live.map((entry) => entry.pid)
}

function listeningInodes(): Map<string, number> {
  const inodes = new Map<string, number>()
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string
    try {
      text = fs.readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      // fields: sl local_address rem_address st ... uid timeout inode
      if (fields[3] !== '0A') continue // 0A = TCP_LISTEN
      const port = Number.parseInt(fields[1]?.split(':')[1] ?? '', 16)
      const inode = fields[9]
      if (inode && Number.isFinite(port)) inodes.set(inode, port)
    }
  }
  return inodes
}

/** TCP ports on which any of `pids` listens. */
export function listeningPorts(pids: readonly number[]): number[] {
  const inodes = listeningInodes()
  if (inodes.size === 0) return []
  const ports = new Set<number>()
  for (const pid of pids) {
    let fds: string[]
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      let target: string
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`)
      } catch {
        continue
      }
      const match = /^socket:\[(\d+)\]$/.exec(target)
      const port = match?.[1] === undefined ? undefined : inodes.get(match[1])
      if (port !== undefined) ports.add(port)
    }
  }
  return [...ports].sort((a, b) => a - b)
}
