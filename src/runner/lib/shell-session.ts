import {spawn} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {asTyped, readCwdFromState, readRunningLine, readWrapperResult, withFinalNewline} from './block-files.js'
import {commandAtLine} from './block-lines.js'
import {CappedText} from './capped-text.js'
import {classifyHang} from './classify-hang.js'
import {groupMembers, isAlive, stopGroup, trackGroup, untrackGroup} from '../../process/index.js'
import {applyFileStep} from './file-step.js'
import type {FileStepInput} from './file-step.js'
import type {Sandbox} from './sandbox.js'
import {bashQuote, wrapperScript} from './shell-wrapper.js'
import type {BackgroundReport, CommandInput, CommandResult, FileStepResult, HangInfo} from './types.js'

export interface ShellSessionOptions {
  /** Timeout of a step without its own (default 300 s). */
  defaultTimeoutMs?: number
  /** Time between SIGTERM and SIGKILL when stopping a group (default 1 s). */
  killGraceMs?: number
  /** Cap per captured stream (default 1 MiB). */
  maxOutputBytes?: number
  /** Variables set again before every block, whatever the block did: the
   * cloud stand-ins' endpoints must hold for the whole chapter. */
  env?: Record<string, string>
  /** Send stderr into stdout's pipe: `output` then has the exact order a
   * terminal shows, and `stderr` stays empty. Without it the streams are
   * apart and `output` interleaves them in arrival order, which can differ
   * when both are written within a few milliseconds. */
  mergeStreams?: boolean
  /** Shell state file (default the sandbox's: shared by every session on
   * it, so state carries from chapter to chapter). */
  stateFile?: string
}

interface Background {
  id: string
  pid: number
  logFile: string
  child: ChildProcess
  exit: Promise<{code: number | null; signal: string | null}>
}

function safeName(id: string): string {
  return id.replace(/[^\w.-]+/g, '_').slice(0, 60)
}

/** Numbers the sessions of this process (their force-env files). */
let sessions = 0

/**
 * One learner's terminal across a chapter's blocks. Each block runs as its
 * own `bash` process in its own process group (so a hang is killed whole),
 * while exports, `cd`, functions, aliases and an activated virtualenv carry
 * from block to block through a state file in the sandbox. stdin is closed,
 * as nobody types.
 */
export class ShellSession {
  readonly sandbox: Sandbox
  readonly stateFile: string
  readonly #options: ShellSessionOptions
  readonly #wrapper: string
  readonly #forceFile: string
  #cwd: string
  #count = 0
  #number: number
  #queue: Promise<unknown> = Promise.resolve()
  #background: Background[] = []
  /** Groups whose blocks ended but left `cmd &` running. */
  #leftRunning = new Set<number>()
  #closed = false

  constructor(sandbox: Sandbox, options: ShellSessionOptions = {}) {
    this.sandbox = sandbox
    this.#options = options
    this.stateFile = options.stateFile ?? sandbox.paths.stateFile
    this.#cwd = sandbox.paths.work
    const dir = path.join(sandbox.paths.run, 'blocks')
    fs.mkdirSync(dir, {recursive: true})
    this.#wrapper = path.join(sandbox.paths.run, 'wrapper.sh')
    fs.writeFileSync(this.#wrapper, wrapperScript)
    this.#number = ++sessions
    this.#forceFile = path.join(sandbox.paths.run, `force-env-${process.pid}-${this.#number}.sh`)
    const force = Object.entries(options.env ?? {}).map(([name, value]) => `export ${name}=${bashQuote(value)}\n`)
    fs.writeFileSync(this.#forceFile, force.join(''))
    // A previous session (an earlier chapter) may have left the directory.
    const previous = readCwdFromState(this.stateFile)
    if (previous) this.#cwd = previous
  }

  /** The learner's current directory after the last block. */
  get cwd(): string {
    return this.#cwd
  }

  /** Run one block (or start it in the background when `concurrent`). */
  run(command: CommandInput): Promise<CommandResult> {
    const next = this.#queue.then(() =>
      command.concurrent ? this.#startBackground(command) : this.#runForeground(command)
    )
    this.#queue = next.catch(() => undefined)
    return next
  }

  /** Write a file step relative to the current directory (see applyFileStep). */
  writeFileStep(step: FileStepInput): Promise<FileStepResult> {
    const next = this.#queue.then(() =>
      applyFileStep(step, {cwd: this.#cwd, home: this.sandbox.paths.home, root: this.sandbox.root})
    )
    this.#queue = next.catch(() => undefined)
    return next
  }

  /** End of the chapter: stop concurrent steps and anything left running,
   * and report the concurrent steps' logs. */
  async close(): Promise<BackgroundReport[]> {
    await this.#queue
    this.#closed = true
    const grace = this.#options.killGraceMs ?? 1000
    const reports: BackgroundReport[] = []
    for (const job of this.#background) {
      const running = job.child.exitCode === null && job.child.signalCode === null
      const stopped = await stopGroup(job.pid, grace)
      const status = await job.exit
      untrackGroup(job.pid)
      const log = new CappedText(this.#options.maxOutputBytes ?? 1 << 20)
      try {
        log.push(fs.readFileSync(job.logFile))
      } catch {
        // No log: the job wrote nothing.
      }
      reports.push({
        id: job.id,
        pid: job.pid,
        logFile: job.logFile,
        output: asTyped(log.text(), job.logFile.replace(/\.log$/, '.sh')),
        stoppedAtClose: running || stopped.signal !== null,
        exitCode: running ? null : status.code,
        signal: running ? (stopped.signal ?? status.signal) : status.signal
      })
    }
    this.#background = []
    for (const pgid of this.#leftRunning) {
      await stopGroup(pgid, grace)
      untrackGroup(pgid)
    }
    this.#leftRunning.clear()
    fs.rmSync(this.#forceFile, {force: true})
    return reports
  }

  #files(id: string): {block: string; line: string; result: string; log: string} {
    const base = path.join(this.sandbox.paths.run, 'blocks', `s${this.#number}-${String(++this.#count).padStart(3, '0')}-${safeName(id)}`)
    return {block: `${base}.sh`, line: `${base}.line`, result: `${base}.result`, log: `${base}.log`}
  }

  #env(files: {block: string; line: string; result: string}, save: boolean): Record<string, string> {
    return {
      ...this.sandbox.env,
      ...this.#options.env,
      __DV_BLOCK: files.block,
      __DV_STATE: this.stateFile,
      __DV_LINE: files.line,
      __DV_RESULT: files.result,
      __DV_FORCE: this.#forceFile,
      __DV_BASE_NAMES: Object.keys(this.sandbox.env).join(' '),
      __DV_SAVE: save ? '1' : '0',
      __DV_WORK: this.sandbox.paths.work,
      __DV_MERGE: this.#options.mergeStreams ? '1' : '0'
    }
  }

  #spawn(files: {block: string; line: string; result: string}, save: boolean, stdio: ('ignore' | 'pipe' | number)[]): ChildProcess {
    if (this.#closed) throw new Error('ShellSession is closed: create a new session on the sandbox to run more blocks')
    const plan = this.sandbox.command(['bash', '--noprofile', '--norc', this.#wrapper], {env: this.#env(files, save)})
    const child = spawn(plan.file, plan.args, {cwd: plan.cwd, env: plan.env, detached: true, stdio: stdio as ['ignore', 'pipe', 'pipe']})
    if (child.pid === undefined) {
      // The 'error' event follows; without a listener it would crash the process.
      child.once('error', () => undefined)
      throw new Error('could not start bash: is it on PATH?')
    }
    trackGroup(child.pid)
    return child
  }

  async #startBackground(command: CommandInput): Promise<CommandResult> {
    const files = this.#files(command.id)
    fs.writeFileSync(files.block, withFinalNewline(command.text))
    const fd = fs.openSync(files.log, 'a')
    const started = Date.now()
    let child: ChildProcess
    try {
      child = this.#spawn(files, false, ['ignore', fd, fd])
    } finally {
      fs.closeSync(fd)
    }
    const pid = child.pid as number
    const exit = new Promise<{code: number | null; signal: string | null}>((resolve) => {
      child.once('exit', (code, signal) => resolve({code, signal}))
      child.once('error', () => resolve({code: null, signal: null}))
    })
    this.#background.push({id: command.id, pid, logFile: files.log, child, exit})
    return {
      id: command.id,
      exitCode: null,
      signal: null,
      output: '',
      stdout: '',
      stderr: '',
      durationMs: Date.now() - started,
      timedOut: false,
      truncated: false,
      background: {pid, logFile: files.log}
    }
  }

  async #runForeground(command: CommandInput): Promise<CommandResult> {
    const files = this.#files(command.id)
    fs.writeFileSync(files.block, withFinalNewline(command.text))
    const cap = this.#options.maxOutputBytes ?? 1 << 20
    const stdout = new CappedText(cap)
    const stderr = new CappedText(cap)
    const output = new CappedText(cap)
    const started = Date.now()
    const child = this.#spawn(files, true, ['ignore', 'pipe', 'pipe'])
    const pid = child.pid as number
    let finished = false
    // After a timeout, what the dying processes print ("Terminated") is our
    // doing, not the learner's output.
    let frozen = false
    // Output of `cmd &` after the block ended: kept out of this result but
    // drained, so the job never blocks on a full pipe or dies of SIGPIPE.
    const stray = path.join(this.sandbox.paths.run, 'left-running.log')
    const collect = (target: CappedText) => (chunk: Buffer) => {
      if (finished) {
        fs.appendFileSync(stray, chunk)
        return
      }
      if (frozen) return
      target.push(chunk)
      output.push(chunk)
    }
    child.stdout?.on('data', collect(stdout))
    child.stderr?.on('data', collect(stderr))
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
    const exited = new Promise<{code: number | null; signal: string | null}>((resolve) => {
      child.once('exit', (code, signal) => resolve({code, signal}))
      child.once('error', () => resolve({code: null, signal: null}))
    })

    const timeoutMs = command.timeoutMs ?? this.#options.defaultTimeoutMs ?? 300_000
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    const first = await Promise.race([exited, timedOut])
    clearTimeout(timer)

    let hang: HangInfo | undefined
    let killSignal: string | null = null
    if (first === 'timeout') {
      const running = readRunningLine(files.line, command.text)
      hang = classifyHang({output: output.end(4000), pids: groupMembers(pid), ...running})
      frozen = true
      const stopped = await stopGroup(pid, this.#options.killGraceMs ?? 1000)
      killSignal = stopped.signal ?? 'SIGTERM'
    }
    const status = await exited
    // Wait for the pipes to drain; a job left running keeps them open.
    // Signal 0 to the group is the cheap test; the /proc scan only runs
    // when something is left.
    const leftRunning = groupExists(pid) ? groupMembers(pid) : []
    const drained = new AbortController()
    await Promise.race([closed, sleep(leftRunning.length > 0 ? 200 : 5000, undefined, {signal: drained.signal}).catch(() => undefined)])
    drained.abort()
    finished = true
    if (leftRunning.length > 0) this.#leftRunning.add(pid)
    else untrackGroup(pid)

    const wrapper = readWrapperResult(files.result)
    // The result file is written after the state: only then is the state whole.
    const pending = `${this.stateFile}.tmp`
    if (wrapper && fs.existsSync(pending)) fs.renameSync(pending, this.stateFile)
    else fs.rmSync(pending, {force: true})
    if (wrapper?.cwd && fs.existsSync(wrapper.cwd)) this.#cwd = wrapper.cwd
    const shown = (text: string): string => asTyped(text, files.block)
    const result: CommandResult = {
      id: command.id,
      exitCode: hang ? null : (wrapper?.code ?? status.code),
      signal: hang ? killSignal : status.signal,
      output: shown(output.text()),
      stdout: shown(stdout.text()),
      stderr: shown(stderr.text()),
      durationMs: Date.now() - started,
      timedOut: hang !== undefined,
      truncated: output.truncated
    }
    if (command.file !== undefined) result.file = command.file
    if (command.line !== undefined) result.line = command.line
    if (hang) {
      if (command.line !== undefined) hang.docLine = command.line + hang.line
      result.hang = hang
    }
    if (wrapper && wrapper.failLine !== null && wrapper.failStatus !== null) {
      const written = commandAtLine(command.text, wrapper.failLine)
      result.failedCommand = {line: written.line, command: written.text, exitCode: wrapper.failStatus}
      if (command.line !== undefined) result.failedCommand.docLine = command.line + written.line
    }
    const alive = leftRunning.filter((member) => isAlive(member))
    if (alive.length > 0) result.leftRunning = alive
    return result
  }
}

/** True while any process is left in group `pgid` (zombies included). */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
