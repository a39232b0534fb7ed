import fs from 'node:fs'
import path from 'node:path'
import {isBelow, realPathOf} from './host-paths.js'

/**
 * The sandbox's own /run (and a /var/run that is a directory, not a link to
 * /run): an empty tmpfs. /run is where the host's services listen (Docker,
 * containerd, podman, D-Bus, systemd, databases, the user's agents under
 * /run/user) and a socket on a read-only mount still connects; hiding each
 * one by name misses those created after the sandbox started and breaks
 * bwrap when one goes away (its mount point cannot be made on the read-only
 * root). Bound back, decided each time bwrap starts: what a learner's
 * terminal needs of it.
 */
export interface RunDirInput {
  /** `/run`, or `/var/run` where that is a directory of its own. */
  runDir: string
  /** `/etc/resolv.conf`: systemd-resolved, NetworkManager and resolvconf
   * keep the real file under /run. */
  resolvConf: string
  /** The real paths of PATH's entries: a tool directory under /run stays
   * runnable (NixOS's /run/wrappers/bin). */
  pathEntries: readonly string[]
}

export function privateRunArguments(input: RunDirInput): string[] {
  const {runDir} = input
  let entries: fs.Dirent[]
  try {
    if (!fs.lstatSync(runDir).isDirectory()) return []
    entries = fs.readdirSync(runDir, {withFileTypes: true})
  } catch {
    return []
  }
  const args = ['--tmpfs', runDir]
  // Names that lead out of /run stay (`shm -> /dev/shm`, NixOS's
  // `current-system -> /nix/store/...`): what they reach is on the
  // read-only root anyway.
  const made = new Set<string>()
  for (const entry of entries) {
    if (!entry.isSymbolicLink()) continue
    const link = path.join(runDir, entry.name)
    let target: string
    try {
      target = fs.readlinkSync(link)
    } catch {
      continue
    }
    if (path.resolve(runDir, target) === runDir || isBelow(runDir, path.resolve(runDir, target))) continue
    args.push('--symlink', target, link)
    made.add(entry.name)
  }
  // Writable, as on the host (`/var/lock` links here): everything in the
  // sandbox runs as the one user who owns it. (No --perms: bwrap 0.5+.)
  if (!made.has('lock')) args.push('--dir', path.join(runDir, 'lock'))
  // The resolver's file alone, not its directory: systemd-resolved keeps
  // its lookup and monitor sockets beside it (glibc falls back to the file
  // without them). A file the resolver replaces later is not seen by a
  // shell already started; each new bwrap binds the current one.
  const resolv = realPathOf(input.resolvConf)
  if (resolv !== undefined && isBelow(runDir, resolv)) args.push('--ro-bind-try', resolv, resolv)
  for (const entry of input.pathEntries) {
    if (isBelow(runDir, entry)) args.push('--ro-bind-try', entry, entry)
  }
  return args
}
