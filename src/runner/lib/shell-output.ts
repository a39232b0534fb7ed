import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {MarkedStream} from './marked-stream.js'

/**
 * Where the shell writes what blocks print: named pipes that docs-verify
 * reads with plain reads when a block ends, not a stream that wakes
 * docs-verify for every chunk a block prints. A block is one round trip
 * (the command in, the reply out); its output costs no wake-up of its own.
 *
 * The shell ends each block's output with the marker (see shell-driver.ts),
 * so the next block, sent before this one ended, may already print into
 * the same pipe: each pipe is split at its markers, block after block, in
 * the order they were sent. What arrives while no block is expected (a job
 * left running) is stray.
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

/** One block's place in the pipes: where its output goes. */
export interface BlockOutput {
  readonly sinks: ChunkSink[]
}

export class ShellOutput {
  /** What the shell's stdout and stderr are (one pipe when merged). */
  readonly paths: string[]
  #fds: number[]
  /** One splitter per pipe, at the marker that ends a block's output. */
  #splitters: MarkedStream[]
  /** Blocks sent and not ended, in order; per pipe, how many of them its
   * markers passed (the first not passed gets the pipe's bytes). */
  #blocks: BlockOutput[] = []
  #passed: number[]
  readonly #stray: ChunkSink
  /** Pipes of earlier moves that jobs left running still write to. */
  #left: net.Socket[] = []
  #timer: NodeJS.Timeout | undefined
  #interval = firstPollMs
  #lastDrain = 0
  #closed = false

  /** Make new pipes in `dir` and open them for reading; `marker` ends each
   * block's output in them. `alongside`: other named pipes to make in the
   * same mkfifo (one process start less). */
  static create(dir: string, merged: boolean, marker: string, stray: ChunkSink, alongside: readonly string[] = []): ShellOutput | undefined {
    const names = merged ? ['out'] : ['out', 'err']
    // Never a name an ended shell's pipes had: those are removed after it ends.
    const number = ++made
    const paths = names.map((name) => path.join(dir, `${name}-${number}.fifo`))
    if (spawnSync('mkfifo', ['-m', '600', ...paths, ...alongside], {stdio: 'ignore'}).status !== 0) return undefined
    // Read and write: the pipe never reads as ended, and the shell's open
    // never waits for a reader.
    const fds = paths.map((fifo) => fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK))
    return new ShellOutput(paths, fds, marker, stray)
  }

  private constructor(paths: string[], fds: number[], marker: string, stray: ChunkSink) {
    this.paths = paths
    this.#fds = fds
    this.#stray = stray
    this.#passed = fds.map(() => 0)
    this.#splitters = fds.map(
      (_fd, index) =>
        new MarkedStream(marker, false, {
          data: (chunk) => (this.#blocks[this.#passed[index] as number]?.sinks[index] ?? this.#stray)(chunk),
          marker: () => this.#pass(index)
        })
    )
  }

  /** True while a block's output is expected. */
  get running(): boolean {
    return this.#blocks.length > 0
  }

  /** A block was sent: its output goes to `sinks` (stdout, then stderr
   * unless merged) from the end marker of the block before it to its own. */
  expect(sinks: ChunkSink[]): BlockOutput {
    // With no block sent, what a job the shell cannot see (`(cmd &)`)
    // printed since the last read is stray, not this block's. Right after a
    // read, bytes in the pipe are as new as the block: the read (an
    // exception when empty) is saved.
    if (this.#blocks.length === 0 && performance.now() - this.#lastDrain > settledMs) this.drain()
    const block: BlockOutput = {sinks}
    this.#adopt([block])
    return block
  }

  /** The block (the first expected) ended: read the rest of its output. A
   * pipe its marker never reached (the shell died, a block closed the
   * pipe) is counted as passed: nothing more of this block comes. */
  end(block: BlockOutput): void {
    this.drain()
    // Blocks end in the order they were sent; anything else would hand one
    // block's output to another.
    if (this.#blocks[0] !== block) throw new Error("docs-verify's runner lost track of the shell's output: a block ended out of order")
    for (const [index, passed] of this.#passed.entries()) if (passed === 0) this.#pass(index)
    this.#blocks.shift()
    this.#passed = this.#passed.map((passed) => passed - 1)
    if (this.#blocks.length === 0) {
      clearTimeout(this.#timer)
      this.#timer = undefined
    }
  }

  /** Read what the pipes hold now into the blocks' sinks (stray when no
   * block is expected). */
  drain(): number {
    this.#lastDrain = performance.now()
    let total = 0
    for (const [index, fd] of this.#fds.entries()) {
      const splitter = this.#splitters[index] as MarkedStream
      total += readAvailable(fd, (chunk) => splitter.push(chunk))
    }
    return total
  }

  /**
   * The shell moved to `next`'s pipes (a job a block left running keeps
   * the current ones) between two blocks: what is left in these, and what
   * the jobs print later, goes to stray; the blocks sent and not started
   * yet are expected in `next`.
   */
  handOver(next: ShellOutput): void {
    const waiting = this.#blocks
    this.#blocks = []
    this.drain()
    for (const splitter of this.#splitters) splitter.flush()
    clearTimeout(this.#timer)
    this.#timer = undefined
    // Not read as stray first: they may have started printing into `next`.
    next.#adopt(waiting)
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
    this.drain()
    for (const splitter of this.#splitters) splitter.flush()
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#closed = true
    for (const fd of this.#fds) fs.closeSync(fd)
    this.#fds = []
    // Our own pipes never end by themselves (we hold a writer).
    for (const socket of this.#left) socket.destroy()
    for (const fifo of this.paths) fs.rmSync(fifo, {force: true})
  }

  #adopt(blocks: BlockOutput[]): void {
    if (blocks.length === 0) return
    if (this.#blocks.length === 0) {
      this.#interval = firstPollMs
      this.#schedule()
    }
    this.#blocks.push(...blocks)
  }

  #pass(index: number): void {
    const block = this.#blocks[this.#passed[index] as number]
    // A marker with no block expected cannot come from this shell's blocks.
    if (!block) return
    this.#passed[index] = (this.#passed[index] as number) + 1
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      const read = this.drain()
      this.#interval = read >= busyRead ? 1 : read > 0 ? this.#interval : Math.min(this.#interval * 2, quietPollMs)
      this.#schedule()
    }, this.#interval)
  }
}
