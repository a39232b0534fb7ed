import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/**
 * Where the shell writes what blocks print: named pipes that docs-verify
 * reads with plain reads when a block ends, not a stream that wakes
 * docs-verify for every chunk a block prints. A block is one round trip
 * (the command in, the reply out); its output costs no wake-up of its own.
 *
 * A pipe holds 64 KiB: a block that prints more before it ends would wait
 * for a reader, so while a block runs the pipes are also read on a timer,
 * rarely while it is quiet and at once again while it prints fast.
 */

/** First read of a running block: most blocks have ended by then. */
const firstPollMs = 50
/** The slowest a quiet block's pipes are read. */
const quietPollMs = 500
/** A read this large means the block prints fast: read again at once. */
const busyRead = 16 * 1024
/** Between blocks for less than this, the pipes are not read as stray. */
const settledMs = 5

const readBuffer = Buffer.allocUnsafe(64 * 1024)

/** Numbers the pipes made by this process. */
let made = 0

export type ChunkSink = (chunk: Buffer) => void

/** Read everything `fd` holds now (it is non-blocking). */
function readAvailable(fd: number, sink: ChunkSink): number {
  let total = 0
  for (;;) {
    let size: number
    try {
      size = fs.readSync(fd, readBuffer, 0, readBuffer.length, null)
    } catch {
      // EAGAIN: empty (or the pipe is gone): nothing more to read now.
      return total
    }
    if (size <= 0) return total
    sink(Buffer.from(readBuffer.subarray(0, size)))
    total += size
    // A short read emptied the pipe: no second read (and no EAGAIN) needed.
    if (size < readBuffer.length) return total
  }
}

export class ShellOutput {
  /** What the shell's stdout and stderr are (one pipe when merged). */
  readonly paths: string[]
  #fds: number[]
  #sinks: ChunkSink[] | undefined
  readonly #stray: ChunkSink
  /** Pipes of earlier moves that jobs left running still write to. */
  #left: net.Socket[] = []
  #timer: NodeJS.Timeout | undefined
  #interval = firstPollMs
  #lastDrain = 0
  #closed = false

  /** Make new pipes in `dir` and open them for reading. */
  static create(dir: string, merged: boolean, stray: ChunkSink): ShellOutput | undefined {
    const names = merged ? ['out'] : ['out', 'err']
    // Never a name an ended shell's pipes had: those are removed after it ends.
    const number = ++made
    const paths = names.map((name) => path.join(dir, `${name}-${number}.fifo`))
    if (spawnSync('mkfifo', ['-m', '600', ...paths], {stdio: 'ignore'}).status !== 0) return undefined
    // Read and write: the pipe never reads as ended, and the shell's open
    // never waits for a reader.
    const fds = paths.map((fifo) => fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK))
    return new ShellOutput(paths, fds, stray)
  }

  private constructor(paths: string[], fds: number[], stray: ChunkSink) {
    this.paths = paths
    this.#fds = fds
    this.#stray = stray
  }

  /** True while a block's output is being collected. */
  get running(): boolean {
    return this.#sinks !== undefined
  }

  /** A block starts: its output goes to `sinks` (stdout, then stderr unless
   * merged) until end(). */
  begin(sinks: ChunkSink[]): void {
    // What a job the shell cannot see (`(cmd &)`) printed since the last
    // read is stray, not this block's. Right after a read, bytes in the pipe
    // are as new as the block: the read (an exception when empty) is saved.
    if (performance.now() - this.#lastDrain > settledMs) this.drain()
    this.#sinks = sinks
    this.#interval = firstPollMs
    this.#schedule()
  }

  /** The block ended: read the rest of its output, then back to stray. */
  end(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.drain()
    this.#sinks = undefined
  }

  /** Read what the pipes hold now into the block's sinks (stray when no
   * block runs). */
  drain(): number {
    this.#lastDrain = performance.now()
    let total = 0
    for (const [index, fd] of this.#fds.entries()) total += readAvailable(fd, this.#sinks?.[index] ?? this.#stray)
    return total
  }

  /**
   * The shell moved to `next`'s pipes (a job a block left running keeps
   * the current ones): what is left in these, and what the jobs print
   * later, goes to stray.
   */
  handOver(next: ShellOutput): void {
    this.drain()
    for (const fd of this.#fds) {
      const socket = new net.Socket({fd, readable: true, writable: false})
      socket.on('data', this.#stray)
      socket.on('error', () => undefined)
      next.#left.push(socket)
    }
    next.#left.push(...this.#left)
    this.#fds = []
    this.#left = []
    this.#closed = true
    for (const fifo of this.paths) fs.rmSync(fifo, {force: true})
  }

  /** The shell ended: read what it left, close everything. */
  close(): void {
    if (this.#closed) return
    this.end()
    this.#closed = true
    for (const fd of this.#fds) fs.closeSync(fd)
    this.#fds = []
    // Our own pipes never end by themselves (we hold a writer).
    for (const socket of this.#left) socket.destroy()
    for (const fifo of this.paths) fs.rmSync(fifo, {force: true})
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      const read = this.drain()
      this.#interval = read >= busyRead ? 1 : read > 0 ? this.#interval : Math.min(this.#interval * 2, quietPollMs)
      this.#schedule()
    }, this.#interval)
  }
}
