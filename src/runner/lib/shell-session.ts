import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {asTyped, readCwdFromState, withFinalNewline} from './block-files.js'
import {commandAtLine, lineNaming} from './block-lines.js'
import {CappedText} from './capped-text.js'
import {raceTimeout} from './race-timeout.js'
import {sandboxStartError} from './sandbox-error.js'
import {classifyHang} from './classify-hang.js'
import {applyFileStep} from './file-step.js'
import type {FileStepInput} from './file-step.js'
import {isAlive, stopGroup} from '../../process/index.js'
import type {Sandbox} from './sandbox.js'
import {childrenOf, programNames, stopProcesses, withDescendants} from './shell-children.js'
import {backgroundScript, bashQuote, driverScript, isWholeState, stepScript} from './shell-driver.js'
import {ShellProcess} from './shell-process.js'
import type {ShellReply} from './shell-process.js'
import type {BlockOutput} from './shell-output.js'
import type {BackgroundReport, CommandInput, CommandResult, FileStepResult, HangInfo, ShellEnded} from './types.js'

export interface ShellSessionOptions {
  /** Timeout of a step without its own (default 300 s). */
  defaultTimeoutMs?: number
  /** Time between SIGTERM and SIGKILL when stopping processes (default 1 s). */
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
  /** Shell state file (default the sandbox's): written at chapter ends
   * (endChapter, close), read when a shell starts, so a new session on the
   * sandbox, or a sandbox restored from a snapshot, has the same terminal. */
  stateFile?: string
}

/** A "second terminal": a subshell of the terminal, in the background. */
interface Background {
  id: string
  /** The process as docs-verify sees it. */
  pid: number
  /** The same process as the shell knows it (`$!`), for `wait`. */
  shellPid: string
  logFile: string
  blockFile: string
}

/** Time a control line (start, state dump, `wait`) may take. */
const controlTimeoutMs = 30_000

/** Prints how to set the run's own network variables back as they are now. */
const keepRunEnv = `for __dv_n in ${['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY', 'npm_config_proxy', 'npm_config_https_proxy'].join(' ')}; do if [[ -v $__dv_n ]]; then declare -p "$__dv_n"; else echo "unset $__dv_n"; fi; done`

function safeName(id: string): string {
  return id.replace(/[^\w.-]+/g, '_').slice(0, 60)
}

function signalName(status: number): string | null {
  const number = status - 128
  const entry = Object.entries(os.constants.signals).find(([, value]) => value === number)
  return entry ? entry[0] : null
}

/** Numbers the sessions of this process (their block folders). */
let sessions = 0

/**
 * One learner's terminal across a chain's blocks: ONE bash process for the
 * whole session, each block sent to it and delimited by a marker carrying
 * its status (see shell-driver.ts), so exports, `cd`, functions, aliases and
 * an activated virtualenv carry for free. The state is written to a file
 * only at chapter ends, for the next session or a snapshot. stdin of the
 * blocks is /dev/null, as nobody types.
 *
 * Blocks run one after the other, in the order run() was called. A block
 * asked for while the one before it still runs, with nothing else asked
 * for in between, is sent to the shell at once (one block ahead at most):
 * bash starts it the moment the other ends, as a learner who pastes the
 * next block at once, and docs-verify reads one block's result while the
 * next runs. A caller that must see a block's effects before the next
 * block starts (a file to write, a directory to look at) asks for the next
 * block after the result.
 */
export class ShellSession {
  readonly sandbox: Sandbox
  readonly stateFile: string
  readonly #options: ShellSessionOptions
  readonly #blocks: string
  readonly #exitState: string
  readonly #env: Record<string, string>
  #forced: Record<string, string>
  #forcedSent = false
  #shell: ShellProcess | undefined
  /** Foreground blocks sent to #shell so far: the next one's number - 1. */
  #sentToShell = 0
  #cwd: string
  #count = 0
  #files: {slots: [number, number]; sizes: [number, number]; ran: number} | undefined
  #queue: Promise<unknown> = Promise.resolve()
  /** Work asked for and not finished. */
  #pending = 0
  /** The last work asked for, and the last block sent: when they are the
   * same, nothing but blocks already sent waits before a new block. */
  #lastAsked: object | undefined
  #lastSent: object | undefined
  /** Blocks sent to a shell whose result is not read yet, in order. */
  #inFlight: SentBlock[] = []
  #background: Background[] = []
  /** Children the shell had before any block. */
  #inherited = new Set<number>()
  /** Jobs that blocks left running (`cmd &`), live until the chapter ends. */
  #leftRunning = new Set<number>()
  #closed = false

  constructor(sandbox: Sandbox, options: ShellSessionOptions = {}) {
    this.sandbox = sandbox
    this.#options = options
    this.stateFile = options.stateFile ?? sandbox.paths.stateFile
    this.#cwd = sandbox.paths.work
    const number = ++sessions
    this.#blocks = path.join(sandbox.paths.run, 'blocks', `s${process.pid}-${number}`)
    fs.mkdirSync(this.#blocks, {recursive: true})
    const files = {driver: 'driver.sh', step: 'step.sh', background: 'background.sh'}
    fs.writeFileSync(path.join(this.#blocks, files.driver), driverScript)
    fs.writeFileSync(path.join(this.#blocks, files.step), stepScript)
    fs.writeFileSync(path.join(this.#blocks, files.background), backgroundScript)
    this.#exitState = path.join(this.#blocks, 'state-at-exit.sh')
    this.#forced = {...options.env}
    this.#env = {
      ...sandbox.env,
      __DV_MERGE: options.mergeStreams ? '1' : '0',
      __DV_BASE_NAMES: Object.keys(sandbox.env).join(' '),
      __DV_WORK: sandbox.paths.work,
      __DV_BLOCKS: this.#blocks,
      __DV_STEP: path.join(this.#blocks, files.step),
      __DV_BACKGROUND: path.join(this.#blocks, files.background),
      __DV_EXIT_STATE: this.#exitState
    }
    // A previous session (an earlier chapter) may have left the directory.
    const previous = readCwdFromState(this.stateFile)
    if (previous) this.#cwd = previous
  }

  /** The learner's current directory after the last block. */
  get cwd(): string {
    return this.#cwd
  }

  /** Variables set again before every block from now on (a new chapter's
   * stand-ins and configuration), replacing the previous ones. */
  setEnv(env: Record<string, string>): void {
    this.#forced = {...env}
    this.#forcedSent = false
  }

  /** Run one block (or start it in the background when `concurrent`). */
  run(command: CommandInput): Promise<CommandResult> {
    const shell = this.#shell
    const asked = {}
    if (!command.concurrent && shell && this.#canSendNow(shell)) {
      const sent = this.#send(shell, command, asked)
      return this.#enqueue(() => this.#finish(sent), asked)
    }
    return this.#enqueue(async () => {
      if (command.concurrent) return this.#startBackground(command)
      return this.#finish(this.#send(await this.#ensureShell(), command, asked))
    }, asked)
  }

  /** Whether a block asked for now can go to the shell now: nothing else
   * waits (or only blocks already sent, one at most), the shell runs and
   * has the chapter's variables. */
  #canSendNow(shell: ShellProcess): boolean {
    if (this.#closed || !shell.alive || !this.#forcedSent) return false
    return this.#pending === 0 || (this.#lastSent === this.#lastAsked && this.#inFlight.length < 2)
  }

  /** Write a file step relative to the current directory (see applyFileStep). */
  writeFileStep(step: FileStepInput): Promise<FileStepResult> {
    return this.#enqueue(() => applyFileStep(step, {cwd: this.#cwd, home: this.sandbox.paths.home, root: this.sandbox.root, sandbox: this.sandbox}))
  }

  /** End of a chapter: stop its concurrent steps and the jobs its blocks
   * left running, report the concurrent steps' logs, and write the
   * terminal's state to the state file. The shell goes on. */
  endChapter(): Promise<BackgroundReport[]> {
    return this.#enqueue(() => this.#endChapter())
  }

  /** Write the terminal's state now, mid-chapter: a second terminal (someone
   * else's) starts from the tools the learner has at this point. */
  saveState(): Promise<void> {
    return this.#enqueue(() => this.#saveState(this.#shell))
  }

  /** End of the session: endChapter, then end the shell. */
  async close(): Promise<BackgroundReport[]> {
    if (this.#closed) return []
    const reports = await this.endChapter()
    await this.#enqueue(async () => {
      this.#closed = true
      await this.#quit()
    })
    return reports
  }

  #enqueue<T>(work: () => Promise<T>, asked: object = {}): Promise<T> {
    this.#pending++
    this.#lastAsked = asked
    const next = this.#queue.then(() => {
      if (this.#closed) throw new Error('ShellSession is closed: create a new session on the sandbox to run more blocks')
      return work()
    })
    this.#queue = next.then(
      () => this.#pending--,
      () => this.#pending--
    )
    return next
  }

  /** The end of what the shell printed outside any block: why a shell
   * that never answered ended (the sandbox's own errors land there too). */
  #strayTail(): string {
    try {
      return fs.readFileSync(path.join(this.sandbox.paths.run, 'left-running.log'), 'utf8').trim().slice(-500)
    } catch {
      return ''
    }
  }

  #strayLog(): (chunk: Buffer) => void {
    // Output of `cmd &` after its block ended: kept out of the results but
    // drained, so the job never blocks on a full pipe or dies of SIGPIPE.
    const file = path.join(this.sandbox.paths.run, 'left-running.log')
    return (chunk) => fs.appendFileSync(file, chunk)
  }

  /** The running shell, started (with the saved state) when there is none. */
  async #ensureShell(): Promise<ShellProcess> {
    if (this.#shell?.alive) {
      if (!this.#forcedSent) {
        this.#shell.send(`__dv_force=${bashQuote(this.#forceCode())}\n`)
        this.#forcedSent = true
      }
      return this.#shell
    }
    this.#shell?.untrack()
    const shell = new ShellProcess(this.sandbox, {...this.#env, ...this.#forced}, this.#strayLog(), {dir: this.#blocks, merged: this.#options.mergeStreams === true})
    this.#shell = shell
    this.#sentToShell = 0
    // The state a shell that ended in a block saved is newer than the chapter's.
    const state = isWholeState(this.#exitState) ? this.#exitState : fs.existsSync(this.stateFile) ? this.stateFile : undefined
    const lines = [`. ${bashQuote(path.join(this.#blocks, 'driver.sh'))}`]
    // Sourced at the top level: `declare` in a function would make locals.
    // The network's variables belong to this run (the sandbox's gate listens
    // on a new port each run), never to a state saved by an earlier one.
    if (state) lines.push(`__dv_run_env=$(${keepRunEnv})`, `. ${bashQuote(state)}`, 'eval "$__dv_run_env"; unset __dv_run_env')
    lines.push(`__dv_force=${bashQuote(this.#forceCode())}`, '__dv_reply ready $$', '')
    shell.send(lines.join('\n'))
    this.#forcedSent = true
    const reply = await this.#control(shell)
    if (reply?.kind !== 'ready') {
      await this.#kill(shell)
      await raceTimeout(shell.closed, 2000, undefined)
      const said = this.#strayTail()
      if (shell.sandboxFailed) throw sandboxStartError("the learner's shell", said, this.sandbox.root)
      throw new Error(`the shell did not start (bash ${reply === null ? 'ended' : 'did not answer'})${state ? `; state file ${state}` : ''}${said ? `; it printed: ${said}` : ''}`)
    }
    fs.rmSync(this.#exitState, {force: true})
    this.#noteCwd(reply.pwd)
    shell.locate(Number(reply.fields[0]))
    // What the shell runs from the start (the sandbox's network bridges) is
    // no block's job.
    this.#inherited = new Set(childrenOf(shell.pid))
    return shell
  }

  #forceCode(): string {
    return Object.entries(this.#forced)
      .map(([name, value]) => `export ${name}=${bashQuote(value)}\n`)
      .join('')
  }

  /** The reply to a control line, or null when the shell ended or hung. */
  async #control(shell: ShellProcess): Promise<ShellReply | null> {
    return raceTimeout(shell.reply(), controlTimeoutMs, null)
  }

  #noteCwd(pwd: string): void {
    if (pwd !== '' && pwd !== this.#cwd && fs.existsSync(pwd)) this.#cwd = pwd
  }

  #blockFile(id: string): {name: string; file: string} {
    const name = `${String(++this.#count).padStart(3, '0')}-${safeName(id)}`
    return {name, file: path.join(this.#blocks, `${name}.sh`)}
  }

  /**
   * Put a foreground block in its file (block-0.sh or block-1.sh, see
   * stepScript) through an open descriptor, padded with newlines over what
   * a longer block left: creating, or truncating, a file per block waits
   * for the journal on a busy ext4 (milliseconds). Two files, so the next
   * block is written while one runs. Every block also goes to ran.sh, so a
   * kept sandbox shows what ran.
   */
  #writeBlock(id: string, text: string, seq: number): string {
    const slot = seq % 2
    this.#files ??= {
      slots: [fs.openSync(path.join(this.#blocks, 'block-0.sh'), 'w'), fs.openSync(path.join(this.#blocks, 'block-1.sh'), 'w')],
      sizes: [0, 0],
      ran: fs.openSync(path.join(this.#blocks, 'ran.sh'), 'a')
    }
    const bytes = Buffer.from(text)
    const size = this.#files.sizes[slot] as number
    const padded = bytes.length >= size ? bytes : Buffer.concat([bytes, Buffer.alloc(size - bytes.length, '\n')])
    fs.writeSync(this.#files.slots[slot] as number, padded, 0, padded.length, 0)
    this.#files.sizes[slot] = padded.length
    fs.writeSync(this.#files.ran, `# ${id}\n${text}`)
    return path.join(this.#blocks, `block-${slot}.sh`)
  }

  /** Children of the shell that are not concurrent steps or known jobs. */
  #newChildren(shell: ShellProcess): number[] {
    const known = new Set([...this.#inherited, ...this.#leftRunning, ...this.#background.map((job) => job.pid)])
    return childrenOf(shell.pid).filter((pid) => !known.has(pid))
  }

  async #startBackground(command: CommandInput): Promise<CommandResult> {
    const shell = await this.#ensureShell()
    const {name, file} = this.#blockFile(command.id)
    fs.writeFileSync(file, withFinalNewline(command.text))
    const logFile = path.join(this.#blocks, `${name}.log`)
    const started = Date.now()
    const before = new Set(childrenOf(shell.pid))
    shell.send(`. "$__dv_B" ${name}\n`)
    const reply = await this.#control(shell)
    if (reply?.kind !== 'bg') throw new Error(`the shell did not start the concurrent step ${command.id}`)
    const shellPid = reply.fields[0] ?? ''
    const appeared = childrenOf(shell.pid).filter((pid) => !before.has(pid))
    // Outside a PID namespace the shell's `$!` is docs-verify's pid too.
    const pid = appeared.length === 1 ? appeared[0]! : Number(shellPid)
    this.#background.push({id: command.id, pid, shellPid, logFile, blockFile: file})
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
      background: {pid, logFile}
    }
  }

  /** Send a foreground block to `shell`: its file, where its output goes,
   * its command line. Synchronous: blocks reach the shell in the order
   * they were asked for. */
  #send(shell: ShellProcess, command: CommandInput, asked: object): SentBlock {
    const seq = ++this.#sentToShell
    const file = this.#writeBlock(command.id, withFinalNewline(command.text), seq)
    const cap = this.#options.maxOutputBytes ?? 1 << 20
    const sent: SentBlock = {command, asked, shell, seq, file, stdout: new CappedText(cap), stderr: new CappedText(cap), output: new CappedText(cap), frozen: false, lost: false}
    const collect = (target: CappedText) => (chunk: Buffer) => {
      if (sent.frozen) return
      target.push(chunk)
      sent.output.push(chunk)
    }
    sent.place = shell.expectBlock({stdout: collect(sent.stdout), stderr: collect(sent.stderr)})
    shell.send('. "$__dv_S"\n')
    this.#inFlight.push(sent)
    this.#lastSent = asked
    return sent
  }

  /** Wait for a sent block to end (or time out) and read its result. */
  async #finish(first: SentBlock): Promise<CommandResult> {
    let sent = first
    if (sent.lost) {
      // The shell ended in the block before, without reading this one.
      this.#inFlight = this.#inFlight.filter((other) => other !== sent)
      sent = this.#send(await this.#ensureShell(), sent.command, sent.asked)
    }
    try {
      return await this.#readResult(sent)
    } finally {
      this.#inFlight = this.#inFlight.filter((other) => other !== sent)
    }
  }

  async #readResult(sent: SentBlock): Promise<CommandResult> {
    const {command, shell, file, output} = sent
    const started = Date.now()
    let replied: ShellReply | null | undefined
    const finished = shell.reply().then((reply) => (replied = reply))

    const timeoutMs = command.timeoutMs ?? this.#options.defaultTimeoutMs ?? 300_000
    let first = await raceTimeout(finished, timeoutMs, 'timeout' as const)
    if (first === 'timeout') {
      // A reply read in the same turn of the event loop as the timer is
      // not a hang: the next block may already run, and must not be hit.
      await new Promise((resolve) => setImmediate(resolve))
      if (replied !== undefined) first = replied
    }

    let end: BlockEnd | null
    let hang: HangInfo | undefined
    let killSignal: string | null = null
    let ended: ShellEnded | undefined
    if (first === 'timeout') {
      // What the block printed until now says why it hangs (a prompt).
      shell.drainOutput()
      sent.frozen = true
      const stopped = await this.#stopHungBlock(sent, finished)
      ;({end, hang, ended} = stopped)
      killSignal = stopped.signal
    } else {
      end = blockEnd(first)
    }
    if (sent.place) shell.endBlock(sent.place)
    if (end && end.seq !== String(sent.seq)) {
      throw new Error(`the shell answered for block ${end.seq} where block ${sent.seq} (${command.id}) was expected: docs-verify's runner lost count`)
    }
    if (end?.kind !== 'done' && this.#inFlight.some((other) => other !== sent)) {
      // The shell ended in this block: the block sent after it never ran,
      // and is sent again, in its turn; nothing goes ahead of it meanwhile.
      for (const other of this.#inFlight) if (other !== sent) other.lost = true
      this.#lastSent = undefined
    }
    if (first !== 'timeout' && end?.kind === 'exit') {
      await shell.exited
      ended = this.#endedByExit(command, end)
    } else if (end === null && !ended) {
      const status = await shell.exited
      ended = this.#shellEnded('died', `the shell ended during the block (${status.signal ?? `status ${status.code}`}; \`exec\` replaces it), as the learner's terminal would close`)
    }
    if (end) this.#noteCwd(end.pwd)

    const shown = (text: string): string => asTyped(text, file)
    const result: CommandResult = {
      id: command.id,
      exitCode: hang ? null : end ? end.code : ((await shell.exited).code ?? null),
      signal: hang ? killSignal : null,
      output: shown(output.text()),
      stdout: shown(sent.stdout.text()),
      stderr: shown(sent.stderr.text()),
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
    const failure = hang || !end ? undefined : this.#failureOf(end, command.text, output.text(), file)
    if (failure) {
      const written = commandAtLine(command.text, failure.line)
      result.failedCommand = {line: written.line, command: written.text, exitCode: failure.status}
      if (command.line !== undefined) result.failedCommand.docLine = command.line + written.line
      result.exitCode = failure.status
    }
    if (ended) result.shellEnded = ended
    // The block changed `$!` (it may have left a job running): the shell
    // holds until its children are looked at, before the next block starts.
    if (end?.holds && shell.alive) {
      const left = this.#newChildren(shell).filter((pid) => isAlive(pid))
      for (const pid of left) this.#leftRunning.add(pid)
      if (left.length > 0) {
        result.leftRunning = left
        await shell.leaveJobsBehind()
      } else {
        shell.release()
      }
    }
    return result
  }

  /** The command the block stopped at: the first failing one (ERR trap),
   * a syntax error bash reported, or a non-zero `exit`. */
  #failureOf(end: BlockEnd, text: string, rawOutput: string, file: string): {line: number; status: number} | undefined {
    if (end.failure) return end.failure
    if (end.kind === 'exit') return end.code === 0 ? undefined : {line: lineNaming(text, ['exit']).line, status: end.code}
    if (end.sourced === 2) {
      // Bash does not run the ERR trap for a block it cannot parse.
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const syntax = new RegExp(`${escaped}: line (\\d+): syntax error`).exec(rawOutput)
      if (syntax) return {line: Number(syntax[1]), status: 2}
    }
    return undefined
  }

  /** The shell ended (`why`) without `exit`: the next shell takes the
   * state it saved if whole, else the chapter's start (`lost` says more). */
  #shellEnded(how: 'died' | 'killed', why: string, lost = ''): ShellEnded {
    const kept = isWholeState(this.#exitState)
    return {how, stateKept: kept, message: `${why}; the next block runs in a new shell ${kept ? 'with the state it had' : `restored from the state saved at the start of the chapter${lost}`}`}
  }

  #endedByExit(command: CommandInput, end: BlockEnd): ShellEnded {
    const line = end.failure ? commandAtLine(command.text, end.failure.line) : lineNaming(command.text, ['exit'])
    return {
      how: 'exit',
      stateKept: true,
      message: `line ${line.line} (\`${line.text.trim()}\`) ended the shell with status ${end.code}, as it would close the learner's terminal; the next block runs in a new shell with the same variables, functions, aliases and directory`
    }
  }

  /**
   * A block ran past its timeout: say why (before anything is killed), end
   * its processes and unwind the block (SIGUSR1), keeping the shell. Only
   * when the shell itself does not come back is it ended too; its EXIT trap
   * then saves the state if it still can.
   */
  async #stopHungBlock(sent: SentBlock, finished: Promise<ShellReply | null>): Promise<{end: BlockEnd | null; hang: HangInfo; signal: string; ended?: ShellEnded}> {
    const {shell, command, output} = sent
    const grace = this.#options.killGraceMs ?? 1000
    const block = withDescendants(this.#newChildren(shell))
    // `exec server` makes the shell's own process the hung command.
    const hang = classifyHang({output: output.end(4000), pids: [shell.pid, ...block], line: 1, command: ''})
    const programs = programNames([shell.pid, ...block]).filter((name) => name !== 'bash')
    try {
      // The trap unwinds the block the abort file names, and no other.
      fs.writeFileSync(path.join(this.#blocks, 'abort'), `${sent.seq}\n`)
      process.kill(shell.pid, 'SIGUSR1')
    } catch {
      // Already gone.
    }
    const stopped = await stopProcesses(block, grace)
    let signal: string = stopped.signal ?? 'SIGTERM'
    const waited = new AbortController()
    let reply = await Promise.race([finished, sleep(1000 + grace, undefined, {signal: waited.signal}).catch(() => undefined)])
    waited.abort()
    let ended: ShellEnded | undefined
    if (reply === undefined) {
      // The shell itself is stuck: SIGTERM lets its EXIT trap save the state.
      signal = (await this.#kill(shell, grace)) ?? signal
      reply = await Promise.race([finished, sleep(200).then(() => null)])
      ended = this.#shellEnded('killed', 'the shell itself did not stop after the timeout and was ended', ': what earlier blocks of this chapter set is lost')
    } else if (reply?.kind === 'exit' || reply === null) {
      ended = this.#shellEnded('died', 'the hung command was the shell itself (`exec`)')
    }
    const end = blockEnd(reply ?? null)
    // The killed command failed where it hung (ERR trap); else name it by
    // its program; else where the unwinding found the shell (a builtin loop).
    const line = end?.failure?.line ?? (programs.length > 0 ? lineNaming(command.text, programs).line : end?.line || 1)
    const running = commandAtLine(command.text, line)
    return {end, hang: {...hang, line: running.line, command: running.text}, signal, ...(ended ? {ended} : {})}
  }

  /** End the shell: SIGTERM (its EXIT trap saves the state), SIGKILL after
   * `graceMs`. Returns the signal needed. */
  async #kill(shell: ShellProcess, graceMs = this.#options.killGraceMs ?? 1000): Promise<'SIGTERM' | 'SIGKILL' | null> {
    if (!shell.alive) return null
    let used: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'
    try {
      process.kill(shell.pid, 'SIGTERM')
    } catch {
      return null
    }
    const gone = await Promise.race([shell.exited.then(() => true), sleep(graceMs).then(() => false)])
    if (!gone) {
      used = 'SIGKILL'
      try {
        process.kill(shell.pid, 'SIGKILL')
      } catch {
        // Gone in between.
      }
      await shell.exited
    }
    return used
  }

  async #endChapter(): Promise<BackgroundReport[]> {
    const grace = this.#options.killGraceMs ?? 1000
    const shell = this.#shell?.alive ? this.#shell : undefined
    const reports: BackgroundReport[] = []
    for (const job of this.#background) {
      const running = isAlive(job.pid)
      const stopped = await stopProcesses([job.pid], grace)
      let status: number | null = null
      if (shell?.alive) {
        shell.send(`wait ${job.shellPid}; __dv_reply waited $?\n`)
        const reply = await this.#control(shell)
        if (reply?.kind === 'waited') status = Number(reply.fields[0])
      }
      const log = new CappedText(this.#options.maxOutputBytes ?? 1 << 20)
      try {
        log.push(fs.readFileSync(job.logFile))
      } catch {
        // No log: the job wrote nothing.
      }
      const signaled = status !== null && status > 128
      reports.push({
        id: job.id,
        pid: job.pid,
        logFile: job.logFile,
        output: asTyped(log.text(), job.blockFile),
        stoppedAtClose: running || stopped.signal !== null,
        exitCode: running || status === null || signaled ? null : status,
        signal: running ? (stopped.signal ?? 'SIGTERM') : status !== null && signaled ? signalName(status) : null
      })
    }
    this.#background = []
    if (this.#leftRunning.size > 0) await stopProcesses([...this.#leftRunning], grace)
    this.#leftRunning.clear()
    await this.#saveState(shell)
    return reports
  }

  /** Write the terminal's state to the state file (atomically). */
  async #saveState(shell: ShellProcess | undefined): Promise<void> {
    if (shell?.alive) {
      const pending = `${this.stateFile}.tmp`
      shell.send(`__dv_dump ${bashQuote(pending)}; __dv_reply saved\n`)
      const reply = await this.#control(shell)
      if (reply?.kind === 'saved' && fs.existsSync(pending)) fs.renameSync(pending, this.stateFile)
      fs.rmSync(`${pending}.names`, {force: true})
    } else if (isWholeState(this.#exitState)) {
      // The shell ended in the chapter's last block: its own save is the state.
      fs.renameSync(this.#exitState, this.stateFile)
    }
  }

  async #quit(): Promise<void> {
    if (this.#files) for (const fd of [...this.#files.slots, this.#files.ran]) fs.closeSync(fd)
    this.#files = undefined
    const shell = this.#shell
    this.#shell = undefined
    if (!shell) return
    if (shell.alive) {
      shell.send('__dv_quitting=1; exit 0\n')
      const gone = await Promise.race([shell.exited.then(() => true), sleep(2000).then(() => false)])
      if (!gone) await this.#kill(shell)
    }
    // Anything still in the shell's group (a job that outlived it).
    await stopGroup(shell.child.pid as number, this.#options.killGraceMs ?? 1000)
    shell.untrack()
  }
}

/** A foreground block sent to a shell. */
interface SentBlock {
  command: CommandInput
  /** Its place among the work asked of the session. */
  asked: object
  shell: ShellProcess
  /** Its number in that shell, from 1 (its file, the abort file, the reply). */
  seq: number
  /** The file bash sources it from. */
  file: string
  place?: BlockOutput
  stdout: CappedText
  stderr: CappedText
  output: CappedText
  /** After a timeout, what the dying processes print ("Terminated") is our
   * doing, not the learner's output. */
  frozen: boolean
  /** The shell ended before it read the block: send it again to the next. */
  lost: boolean
}

/** How a block ended, read from the shell's reply. */
interface BlockEnd {
  kind: 'done' | 'exit'
  /** The block's number in its shell. */
  seq: string
  /** The block's status: its first failure's, the `exit` status, or 0. */
  code: number
  failure?: {line: number; status: number}
  /** Where a timeout's unwinding found the block (0: nowhere). */
  line: number
  /** What sourcing the block returned (2 for a syntax error). */
  sourced: number
  /** The block changed `$!`: the shell waits for release(). */
  holds: boolean
  pwd: string
}

function blockEnd(reply: ShellReply | null): BlockEnd | null {
  if (reply === null || (reply.kind !== 'done' && reply.kind !== 'exit')) return null
  const [seq = '', code = '0', failStatus = '-', failLine = '-', line = '0', sourced = '0', holds] = reply.fields
  const end: BlockEnd = {kind: reply.kind, seq, code: Number(code), line: Number(line), sourced: Number(sourced), holds: holds === '1', pwd: reply.pwd}
  if (failLine !== '-' && failStatus !== '-') end.failure = {line: Number(failLine), status: Number(failStatus)}
  return end
}
