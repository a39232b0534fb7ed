import {spawn} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'

/**
 * What a SIGKILL of docs-verify would leave behind: the sandbox's temporary
 * directory and an emulator container (the kernel ends the processes:
 * bubblewrap's --die-with-parent, the emulator's parent-death signal; it
 * removes no file and stops no container). A small bash, started once in a
 * session of its own, holds the read end of a pipe and the list of what is
 * registered now. However docs-verify ends, the pipe closes; the reaper
 * then removes what is still listed and exits. A clean end has released
 * everything first, so the reaper finds nothing to do; a kept sandbox is
 * never listed.
 */
const reaperScript = String.raw`
trap '' INT HUP TERM PIPE
declare -A dirs=() containers=()
while IFS= read -r line; do
  case $line in
    '+dir '*) dirs[${'$'}{line#+dir }]=1 ;;
    '-dir '*) unset 'dirs[${'$'}{line#-dir }]' ;;
    '+container '*) containers[${'$'}{line#+container }]=1 ;;
    '-container '*) unset 'containers[${'$'}{line#-container }]' ;;
  esac
done
for id in "${'$'}{!containers[@]}"; do docker rm --force --volumes "$id" >/dev/null 2>&1; done
# The sandbox's processes may take a moment to die with their parent: retry.
for dir in "${'$'}{!dirs[@]}"; do
  for try in 1 2 3; do
    rm -rf -- "$dir" 2>/dev/null && break
    chmod -R u+w -- "$dir" 2>/dev/null
    sleep 1
  done
done
`

export type Reapable = {dir: string} | {container: string}

let reaper: ChildProcess | undefined

function lineOf(item: Reapable): string | undefined {
  const [kind, value] = 'dir' in item ? ['dir', item.dir] : ['container', item.container]
  // One line per entry: a name with a newline cannot be listed (none of
  // ours has one: mkdtemp paths, container ids).
  return /[\n\r]/.test(value) || value === '' ? undefined : `${kind} ${value}`
}

function started(): ChildProcess | undefined {
  if (reaper?.stdin?.writable) return reaper
  try {
    // Its own session: a Ctrl-C or a kill of docs-verify's process group
    // does not reach it before it has cleaned up.
    const child = spawn('bash', ['--noprofile', '--norc', '-c', reaperScript], {detached: true, stdio: ['pipe', 'ignore', 'ignore']})
    child.once('error', () => undefined)
    child.stdin?.on('error', () => undefined)
    // It must never keep docs-verify alive, nor its pipe.
    child.unref()
    ;(child.stdin as unknown as {unref?: () => void} | null)?.unref?.()
    reaper = child.pid === undefined ? undefined : child
  } catch {
    reaper = undefined
  }
  return reaper
}

/** Remove `item` if docs-verify dies before {@link releaseOnKill} (even by
 * SIGKILL). Best effort: without bash, nothing is listed. */
export function reapOnKill(item: Reapable): void {
  const line = lineOf(item)
  if (line !== undefined) started()?.stdin?.write(`+${line}\n`)
}

/** `item` is gone or is to be kept: the reaper forgets it. */
export function releaseOnKill(item: Reapable): void {
  const line = lineOf(item)
  if (line !== undefined && reaper?.stdin?.writable) reaper.stdin.write(`-${line}\n`)
}
