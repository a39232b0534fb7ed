import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type {ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {setTimeout as sleep} from 'node:timers/promises'
import {trackGroup, untrackGroup} from '../../process/index.js'
import {MarkedStream} from './marked-stream.js'
import {hostPidOf} from './shell-children.js'
import {bashQuote} from './shell-driver.js'
import {ShellOutput} from './shell-output.js'
import type {BlockOutput} from './shell-output.js'
import type {Sandbox} from './sandbox.js'
import {bwrapStarted} from './sandbox-error.js'

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
 * (under bubblewrap when it isolates, which reports on descriptor 3 whether
 * it started the shell), in a process group of its own. */
function startBash(sandbox: Sandbox, env: Record<string, string>): ChildProcess {
  const bwrap = sandbox.mode === 'bwrap'
  const plan = sandbox.command(['bash', '--noprofile', '--norc', '-s'], {env, ...(bwrap ? {statusFd: 3} : {})})
  return spawn(plan.file, plan.args, {cwd: plan.cwd, env: plan.env, detached: true, stdio: bwrap ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe']})
}

/**
 * One running bash that reads command lines on stdin and answers on its
 * stdout after a marker. What blocks print goes to named pipes (see
 * shell-output.ts), read when a block ends; what the process prints
 * outside them (bubblewrap's own errors, a state that did not load) and
 * output with no block running (a job left in the background) goes to
 * `stray`. When a block's reply says the shell holds (the block changed
 * `$!`), the shell runs nothing more until release().
 */
export class ShellProcess {
  readonly child: ChildProcess
  /** The bash process (under bubblewrap, not the process started). */
  pid: number
  readonly marker: string
  readonly exited: Promise<{code: number | null; signal: string | null}>
  /** Resolves once the process and its pipes closed. */
  readonly closed: Promise<void>
  /** What bubblewrap reported on its status descriptor (mode bwrap). */
  #status: string | undefined
  readonly #replies: ShellReplies
  #output: ShellOutput
  readonly #dir: string
  readonly #merged: boolean
  readonly #hold: {path: string; fd: number}
  #ended = false
  readonly #stray: (chunk: Buffer) => void

  /** `dir` holds the output pipes; `merged` sends stderr into stdout's. */
  constructor(sandbox: Sandbox, env: Record<string, string>, stray: (chunk: Buffer) => void, pipes: {dir: string; merged: boolean}) {
    const nonce = randomBytes(9).toString('hex')
    this.marker = `\x1e${nonce}`
    this.#dir = pipes.dir
    this.#merged = pipes.merged
    this.#stray = stray
    const hold = path.join(pipes.dir, `hold-${nonce}.fifo`)
    const output = ShellOutput.create(pipes.dir, pipes.merged, this.marker, stray, [hold])
    if (!output) throw new Error(`could not make the shell's pipes in ${pipes.dir} (mkfifo)`)
    this.#output = output
    // Read and write, as the output pipes: writing never waits for the shell.
    this.#hold = {path: hold, fd: fs.openSync(hold, fs.constants.O_RDWR | fs.constants.O_NONBLOCK)}
    const [out = '', err = out] = output.paths
    this.child = startBash(sandbox, {...env, __DV_MARK: nonce, __DV_OUT: out, __DV_ERR: err, __DV_HOLD: hold})
    if (this.child.pid === undefined) {
      // The 'error' event follows; without a listener it would crash the process.
      this.child.once('error', () => undefined)
      output.close()
      this.#closeHold()
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
    const status = this.child.stdio[3]
    if (status) {
      this.#status = ''
      status.on('data', (chunk: Buffer) => (this.#status += chunk.toString()))
      status.on('error', () => undefined)
    }
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
    this.closed = new Promise((resolve) =>
      this.child.once('close', () => {
        this.#end(replies)
        resolve()
      })
    )
  }

  /** After `closed`: bubblewrap ended without starting the shell (its
   * status never said the command started). False without bubblewrap. */
  get sandboxFailed(): boolean {
    return this.#status !== undefined && !bwrapStarted(this.#status)
  }

  /** True until the process has exited. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** A block was sent: what it prints goes to `sinks` (stdout, then stderr
   * unless merged), from the end of the block sent before it. */
  expectBlock(sinks: OutputSinks): BlockOutput {
    return this.#output.expect(this.#merged ? [sinks.stdout] : [sinks.stdout, sinks.stderr])
  }

  /** The block ended: the rest of its output into its sinks. */
  endBlock(block: BlockOutput): void {
    this.#output.end(block)
  }

  /** What the running block printed so far into its sinks (at a timeout). */
  drainOutput(): void {
    this.#output.drain()
  }

  /** Let a shell that holds go on, after running `line` (bash). */
  release(line = ':'): void {
    if (this.#ended) return
    try {
      fs.writeSync(this.#hold.fd, `${line}\n`)
    } catch {
      // The shell is gone: nothing waits.
    }
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
   * Move the shell's stdout and stderr to fresh pipes, and release it (it
   * holds): a job a block left running keeps writing to the old ones,
   * whose output then goes to `stray`, never into a later block's output.
   * A shell that could not move keeps its pipes, and the blocks sent to it
   * are still read from them.
   */
  async leaveJobsBehind(): Promise<boolean> {
    const next = ShellOutput.create(this.#dir, this.#merged, this.marker, this.#stray)
    if (!next) {
      this.release()
      return false
    }
    const [out = '', err = out] = next.paths
    this.release(`__dv_pipes ${bashQuote(out)} ${bashQuote(err)} && __dv_reply moved || __dv_reply stayed`)
    const reply = await this.#replies.next()
    if (reply?.kind !== 'moved') {
      next.close()
      return false
    }
    this.#output.handOver(next)
    this.#output = next
    return true
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
    this.#closeHold()
    this.#replies.push(null)
  }

  #closeHold(): void {
    try {
      fs.closeSync(this.#hold.fd)
    } catch {
      // Closed already.
    }
    fs.rmSync(this.#hold.path, {force: true})
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
