import {spawn, spawnSync} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type {Readable} from 'node:stream'
import {setTimeout as sleep} from 'node:timers/promises'
import {trackGroup, untrackGroup} from '../../process/index.js'
import {MarkedStream} from './marked-stream.js'
import {hostPidOf} from './shell-children.js'
import {bashQuote} from './shell-driver.js'
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
 * One running bash that reads command lines on stdin and answers after a
 * marker. Output before a marker goes to the current sinks (the running
 * block); output with no block running (a job left in the background)
 * goes to `stray`.
 */
export class ShellProcess {
  readonly child: ChildProcess
  /** The bash process (under bubblewrap, not the process started). */
  pid: number
  readonly marker: string
  readonly exited: Promise<{code: number | null; signal: string | null}>
  #stdout: MarkedStream
  #stderr: MarkedStream
  #outSink: ((chunk: Buffer) => void) | undefined
  #errSink: ((chunk: Buffer) => void) | undefined
  #replies: (ShellReply | null)[] = []
  #replyWaiter: ((reply: ShellReply | null) => void) | undefined
  #errMarkers = 0
  #errWaiter: ((seen: boolean) => void) | undefined
  #ended = false
  readonly #stray: (chunk: Buffer) => void
  /** The streams the shell writes to now, and the stray ones left to jobs. */
  #streams: Readable[] = []
  #moves = 0

  constructor(sandbox: Sandbox, env: Record<string, string>, stray: (chunk: Buffer) => void) {
    const nonce = randomBytes(9).toString('hex')
    this.marker = `\x1e${nonce}`
    this.child = startBash(sandbox, {...env, __DV_MARK: nonce})
    if (this.child.pid === undefined) {
      // The 'error' event follows; without a listener it would crash the process.
      this.child.once('error', () => undefined)
      throw new Error('could not start bash: is it on PATH?')
    }
    this.pid = this.child.pid
    trackGroup(this.pid)
    // A shell that died (or a job that closed the pipe) must not crash docs-verify.
    this.child.stdin?.on('error', () => undefined)
    this.#stdout = new MarkedStream(this.marker, true, {
      data: (chunk) => (this.#outSink ?? stray)(chunk),
      marker: (reply) => {
        this.#outSink = undefined
        this.#pushReply(parseReply(reply ?? ''))
      }
    })
    this.#stderr = new MarkedStream(this.marker, false, {
      data: (chunk) => (this.#errSink ?? stray)(chunk),
      marker: () => {
        this.#errSink = undefined
        if (this.#errWaiter) {
          const waiter = this.#errWaiter
          this.#errWaiter = undefined
          waiter(true)
        } else this.#errMarkers++
      }
    })
    this.#stray = stray
    this.#listen(this.child.stdout, this.child.stderr)
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        // Output written just before the end may still be in the pipes.
        void sleep(50).then(() => this.#end())
        resolve({code, signal})
      })
      this.child.once('error', () => {
        this.#end()
        resolve({code: null, signal: null})
      })
    })
    this.child.once('close', () => this.#end())
  }

  /** True until the process has exited. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** Where the next block's output goes, until its markers. */
  collect(sinks: OutputSinks | undefined): void {
    this.#outSink = sinks?.stdout
    this.#errSink = sinks?.stderr
  }

  send(line: string): void {
    if (!this.#ended) this.child.stdin?.write(line)
  }

  /** The next reply, or null once the shell is gone. */
  reply(): Promise<ShellReply | null> {
    const queued = this.#replies.shift()
    if (queued !== undefined) return Promise.resolve(queued)
    if (this.#ended) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.#replyWaiter = resolve
    })
  }

  /** The next marker on stderr; false once the shell is gone. */
  stderrMarker(): Promise<boolean> {
    if (this.#errMarkers > 0) {
      this.#errMarkers--
      return Promise.resolve(true)
    }
    if (this.#ended) return Promise.resolve(false)
    return new Promise((resolve) => {
      this.#errWaiter = resolve
    })
  }

  /**
   * Move the shell's stdout and stderr to fresh pipes (named pipes in
   * `dir`): a job a block left running keeps writing to the old ones, whose
   * output then goes to `stray`, never into a later block's output.
   */
  async leaveJobsBehind(dir: string, merged: boolean): Promise<boolean> {
    const names = merged ? ['out'] : ['out', 'err']
    const fifos = names.map((name) => path.join(dir, `${name}-${++this.#moves}.fifo`))
    const made = spawnSync('mkfifo', ['-m', '600', ...fifos], {stdio: 'ignore'})
    if (made.status !== 0) return false
    // Read and write: the pipe never reads as ended while the shell reopens it.
    const sockets = fifos.map((fifo) => new net.Socket({fd: fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK), readable: true, writable: false}))
    for (const old of this.#streams) {
      old.removeAllListeners('data')
      old.on('data', this.#stray)
    }
    this.#listen(sockets[0], sockets[1])
    const [out, err] = fifos.map((fifo) => bashQuote(fifo))
    this.send(`exec >${out} 2>${merged ? '&1' : err}; __dv_reply moved\n`)
    const reply = await this.reply()
    for (const fifo of fifos) fs.rmSync(fifo, {force: true})
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

  #pushReply(reply: ShellReply | null): void {
    if (this.#replyWaiter) {
      const waiter = this.#replyWaiter
      this.#replyWaiter = undefined
      waiter(reply)
    } else this.#replies.push(reply)
  }

  #listen(stdout: Readable | null | undefined, stderr: Readable | null | undefined): void {
    stdout?.on('data', (chunk: Buffer) => this.#stdout.push(chunk))
    stderr?.on('data', (chunk: Buffer) => this.#stderr.push(chunk))
    for (const stream of [stdout, stderr]) if (stream) this.#streams.push(stream)
  }

  #end(): void {
    if (this.#ended) return
    this.#ended = true
    // Our named pipes never end by themselves (we hold a writer).
    for (const stream of this.#streams) if (stream instanceof net.Socket && stream !== this.child.stdout && stream !== this.child.stderr) stream.destroy()
    this.#stdout.flush()
    this.#stderr.flush()
    this.#pushReply(null)
    if (this.#errWaiter) {
      const waiter = this.#errWaiter
      this.#errWaiter = undefined
      waiter(false)
    }
  }
}

function parseReply(line: string): ShellReply {
  const tab = line.indexOf('\t')
  const head = tab < 0 ? line : line.slice(0, tab)
  const [kind = '', ...fields] = head.split(' ')
  return {kind, fields, pwd: tab < 0 ? '' : line.slice(tab + 1)}
}
