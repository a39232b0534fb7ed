import {spawn} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {setTimeout as sleep} from 'node:timers/promises'
import {trackGroup, untrackGroup} from '../../process/index.js'
import {MarkedStream} from './marked-stream.js'
import {hostPidOf} from './shell-children.js'
import {bashQuote} from './shell-driver.js'
import {ShellOutput} from './shell-output.js'
import type {Sandbox} from './sandbox.js'

/** A line the shell wrote after the marker: `KIND FIELD...<TAB>PWD`. */
export interface ShellReply {
  kind: string
  fields: string[]
  pwd: string
}

export interface OutputSinks {
  stdout: (chunk: Buffer) => void
  stderr: (chunk: Buffer) => void
}

/** The one place the learner's shell is started: inside the sandbox
 * (under bubblewrap when it isolates), in a process group of its own. */
function startBash(sandbox: Sandbox, env: Record<string, string>): ChildProcess {
  const plan = sandbox.command(['bash', '--noprofile', '--norc', '-s'], {env})
  return spawn(plan.file, plan.args, {cwd: plan.cwd, env: plan.env, detached: true, stdio: ['pipe', 'pipe', 'pipe']})
}

/**
 * One running bash that reads command lines on stdin and answers on its
 * stdout after a marker. What blocks print goes to named pipes (see
 * shell-output.ts), read when a block ends; what the process prints
 * outside them (bubblewrap's own errors, a state that did not load) and
 * output with no block running (a job left in the background) goes to
 * `stray`.
 */
export class ShellProcess {
  readonly child: ChildProcess
  /** The bash process (under bubblewrap, not the process started). */
  pid: number
  readonly marker: string
  readonly exited: Promise<{code: number | null; signal: string | null}>
  readonly #replies: ShellReplies
  #output: ShellOutput
  readonly #dir: string
  readonly #merged: boolean
  #ended = false
  readonly #stray: (chunk: Buffer) => void

  /** `dir` holds the output pipes; `merged` sends stderr into stdout's. */
  constructor(sandbox: Sandbox, env: Record<string, string>, stray: (chunk: Buffer) => void, pipes: {dir: string; merged: boolean}) {
    const nonce = randomBytes(9).toString('hex')
    this.marker = `\x1e${nonce}`
    this.#dir = pipes.dir
    this.#merged = pipes.merged
    this.#stray = stray
    const output = ShellOutput.create(pipes.dir, pipes.merged, stray)
    if (!output) throw new Error(`could not make the shell's output pipes in ${pipes.dir} (mkfifo)`)
    this.#output = output
    const [out = '', err = out] = output.paths
    this.child = startBash(sandbox, {...env, __DV_MARK: nonce, __DV_OUT: out, __DV_ERR: err})
    if (this.child.pid === undefined) {
      // The 'error' event follows; without a listener it would crash the process.
      this.child.once('error', () => undefined)
      output.close()
      throw new Error('could not start bash: is it on PATH?')
    }
    this.pid = this.child.pid
    trackGroup(this.pid)
    // A shell that died (or a job that closed the pipe) must not crash docs-verify.
    this.child.stdin?.on('error', () => undefined)
    this.#replies = new ShellReplies()
    const replies = new MarkedStream(this.marker, true, {
      data: stray,
      marker: (reply) => this.#replies.push(parseReply(reply ?? ''))
    })
    this.child.stdout?.on('data', (chunk: Buffer) => replies.push(chunk))
    this.child.stderr?.on('data', stray)
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        // Output written just before the end may still be in the pipes.
        void sleep(50).then(() => this.#end(replies))
        resolve({code, signal})
      })
      this.child.once('error', () => {
        this.#end(replies)
        resolve({code: null, signal: null})
      })
    })
    this.child.once('close', () => this.#end(replies))
  }

  /** True until the process has exited. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** A block starts: what it prints goes to `sinks` (stdout, then stderr
   * unless merged) until endBlock(). */
  beginBlock(sinks: OutputSinks): void {
    this.#output.begin(this.#merged ? [sinks.stdout] : [sinks.stdout, sinks.stderr])
  }

  /** The block ended: the rest of its output into its sinks. */
  endBlock(): void {
    this.#output.end()
  }

  /** What the block printed so far into its sinks (at a timeout). */
  drainOutput(): void {
    this.#output.drain()
  }

  send(line: string): void {
    if (!this.#ended) this.child.stdin?.write(line)
  }

  /** The next reply, or null once the shell is gone. Output printed
   * outside blocks before it (a state that did not load) goes to stray. */
  async reply(): Promise<ShellReply | null> {
    const reply = await this.#replies.next()
    if (!this.#output.running) this.#output.drain()
    return reply
  }

  /**
   * Move the shell's stdout and stderr to fresh pipes: a job a block left
   * running keeps writing to the old ones, whose output then goes to
   * `stray`, never into a later block's output.
   */
  async leaveJobsBehind(): Promise<boolean> {
    const next = ShellOutput.create(this.#dir, this.#merged, this.#stray)
    if (!next) return false
    const [out = '', err = out] = next.paths
    this.send(`exec >${bashQuote(out)} 2>${this.#merged ? '&1' : bashQuote(err)}; __dv_reply moved\n`)
    const reply = await this.#replies.next()
    // Moved or not, the old pipes are read as stray from now on.
    this.#output.handOver(next)
    this.#output = next
    return reply?.kind === 'moved'
  }

  /** Find the bash process from the pid it knows itself by (`$$`). */
  locate(shellPid: number): void {
    this.pid = hostPidOf(this.child.pid as number, shellPid)
  }

  /** Forget the process group: the session stopped what was in it. */
  untrack(): void {
    untrackGroup(this.child.pid as number)
  }

  #end(replies: MarkedStream): void {
    if (this.#ended) return
    this.#ended = true
    replies.flush()
    this.#output.close()
    this.#replies.push(null)
  }
}

/** The shell's replies, in order, to whoever waits for the next. */
class ShellReplies {
  #queue: (ShellReply | null)[] = []
  #waiter: ((reply: ShellReply | null) => void) | undefined
  #ended = false

  push(reply: ShellReply | null): void {
    if (reply === null) this.#ended = true
    if (this.#waiter) {
      const waiter = this.#waiter
      this.#waiter = undefined
      waiter(reply)
    } else this.#queue.push(reply)
  }

  next(): Promise<ShellReply | null> {
    const queued = this.#queue.shift()
    if (queued !== undefined) return Promise.resolve(queued)
    if (this.#ended) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.#waiter = resolve
    })
  }
}

function parseReply(line: string): ShellReply {
  const tab = line.indexOf('\t')
  const head = tab < 0 ? line : line.slice(0, tab)
  const [kind = '', ...fields] = head.split(' ')
  return {kind, fields, pwd: tab < 0 ? '' : line.slice(tab + 1)}
}
