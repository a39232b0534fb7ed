import {compareOutput} from '../../compare/index.js'
import type {Comparison} from '../../compare/index.js'
import type {ChapterConfig} from '../../config/index.js'
import {expectsFailure, fileEditFor, stepTimeoutMs, toleranceFor} from '../../config/index.js'
import type {PreparedChapter, PreparedStep} from '../../plan/index.js'
import type {CommandStep, ExpectStep, FileStep} from '../../plan/types.js'
import type {ChapterReport, CheckReport, StepReport} from '../../report/index.js'
import {applyFileStep} from '../../runner/index.js'
import type {CommandResult, Sandbox, ShellSession} from '../../runner/index.js'
import type {ExpectedUpdate} from './update-expected.js'
import {treeGaps} from './check-tree.js'

/** What the chapter runner needs besides the chapter: where it runs and
 * who listens. Plain hooks, so the runner stays free of Markdown and the
 * CLI free of processes. */
export interface ChapterRun {
  sandbox: Sandbox
  session: ShellSession
  config: ChapterConfig
  /** Default per-step timeout from --timeout (seconds). */
  timeoutSeconds?: number
  onStepStarted?: (step: PreparedStep) => void | Promise<void>
  /** Each step starts only after onStepStarted returned (the learner's
   * --step replay). Otherwise the next block may start while the one
   * before it is read and reported, when nothing lies between them that
   * must see the first block's effects (see nextToSendAhead). */
  stepByStep?: boolean
  onStepFinished?: (report: StepReport) => void
  /** Checks of effects after the steps (bucket contents, Git remote). */
  checkEffects?: (prepared: PreparedChapter, results: ReadonlyMap<string, CommandResult>) => Promise<CheckReport[]>
  /** Told of every comparison of an expected output (for --update and the
   * learner's replay). */
  onCompared?: (compared: ComparedOutput) => void
  /** Why the chapter did not start from the learner's real starting state
   * (an earlier chapter of the chain failed, ...): no output of this run
   * may rewrite the doc. */
  untrusted?: string
  /** The terminal of someone else (a teammate, another machine), in a
   * directory of its own outside the learner's project. */
  someoneElse?: (firstCommand: string) => Promise<ShellSession>
}

/** An expected block beside what its command printed. */
export interface ComparedOutput extends ExpectedUpdate {
  expected: string
  comparison: Comparison
  /** Why this output does not show what a learner would see (the state
   * before its command was not the learner's), or undefined. */
  untrusted?: string
}

const outputTailLines = 15

function tail(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n')
  return lines.slice(-outputTailLines).join('\n')
}

function standInNotes(prepared: PreparedStep): string[] {
  return prepared.standIns.map((standIn) =>
    standIn.replacement === null
      ? `line ${standIn.line}: \`${standIn.original.trim()}\` skipped: ${standIn.reason}`
      : `line ${standIn.line}: \`${standIn.original.trim()}\` stood in: ${standIn.reason}`
  )
}

/** Why a command is expected to exit non-zero (the doc shows its error),
 * or undefined: the plan's announced failure, or config `expectFailure`. */
function announcedFailure(step: CommandStep, config: ChapterConfig): string | undefined {
  const announced = step.announcedFailure
  if (announced) return `the doc announces it fails (line ${announced.line}: "${announced.cue}")`
  if (expectsFailure(config, step)) return 'the configuration lists it in `expectFailure`'
  return undefined
}

/** A command step asked of its terminal, its result still to come. */
interface StartedCommand {
  terminal: ShellSession
  timeoutMs: number
  result: Promise<CommandResult>
}

function commandTimeoutMs(step: CommandStep, run: ChapterRun): number {
  const configured = run.config.timeouts?.default !== undefined || run.config.timeouts?.steps !== undefined
  return run.timeoutSeconds !== undefined && !configured ? run.timeoutSeconds * 1000 : stepTimeoutMs(run.config, step)
}

async function startCommandStep(prepared: PreparedStep, step: CommandStep, run: ChapterRun): Promise<StartedCommand> {
  const timeoutMs = commandTimeoutMs(step, run)
  // Someone else's command runs in their directory: a `git clone` there
  // must not leave a nested repository in the learner's project.
  const terminal = step.someoneElse && run.someoneElse ? await run.someoneElse(prepared.text) : run.session
  const result = terminal.run({id: step.id, text: prepared.text, timeoutMs, ...(step.concurrent ? {concurrent: true} : {})})
  // Read in its turn, maybe after the block before it: a failure must not
  // count as unhandled in between.
  result.catch(() => undefined)
  return {terminal, timeoutMs, result}
}

/** A block in the learner's terminal, in the foreground. */
function inLearnersTerminal(step: CommandStep, run: ChapterRun): boolean {
  return !step.concurrent && !(step.someoneElse && run.someoneElse)
}

/**
 * The command step that may be sent to the learner's terminal while
 * `index` (a foreground block there) runs: the next command, when only
 * expected outputs lie between (they compare what the block printed, never
 * the state it left). A file to write, a tree to look at, someone else's
 * terminal or a second terminal must see the state the block left: the
 * next block waits for them.
 */
function nextToSendAhead(steps: readonly PreparedStep[], index: number, run: ChapterRun): PreparedStep | undefined {
  const current = steps[index]?.step
  if (run.stepByStep || current?.kind !== 'command' || !inLearnersTerminal(current, run)) return undefined
  for (const later of steps.slice(index + 1)) {
    const {step} = later
    if (step.kind === 'expect' && step.target !== 'tree') continue
    return step.kind === 'command' && inLearnersTerminal(step, run) ? later : undefined
  }
  return undefined
}

async function runCommandStep(prepared: PreparedStep, step: CommandStep, run: ChapterRun, started: StartedCommand): Promise<{report: StepReport; result: CommandResult; failureExpected: boolean}> {
  const {terminal, timeoutMs} = started
  const result = await started.result
  const notes = [...standInNotes(prepared), ...step.notes]
  if (terminal !== run.session) notes.push(`ran in ${terminal.cwd}, a directory of its own: someone else runs it, not in the learner's project`)
  if (result.shellEnded) notes.push(result.shellEnded.message)
  const report: StepReport = {
    id: step.id,
    kind: 'command',
    file: step.file,
    line: step.line,
    status: 'passed',
    command: prepared.typed,
    durationMs: result.durationMs,
    notes
  }
  if (step.title !== undefined) report.title = step.title
  const announced = announcedFailure(step, run.config)
  if (announced !== undefined && !result.timedOut && result.background === undefined) {
    if (result.exitCode === 0) {
      report.status = 'failed'
      report.message = `the block at line ${step.line} exited with 0, but ${announced}: the error the doc shows did not happen`
    } else {
      report.notes.push(`exited with ${result.exitCode ?? result.signal} as expected: ${announced}`)
    }
    return {report, result, failureExpected: true}
  }
  if (result.timedOut) {
    report.status = 'timed-out'
    const hang = result.hang
    const why =
      hang?.reason === 'waiting-for-input'
        ? `it was waiting for input (${hang.evidence}); nobody types in a check: add a stand-in for it in docs-verify.config`
        : hang?.reason === 'foreground-server'
          ? `it runs a server in the foreground (${hang.evidence}); mark the block "in a second terminal" or add a stand-in`
          : 'it was still running'
    const where = hang ? `line ${step.line + hang.line} (\`${hang.command.trim()}\`)` : `the block at line ${step.line}`
    report.message = `${where} did not finish within ${Math.round(timeoutMs / 1000)} s: ${why}`
    report.diff = tail(result.output)
    if (hang) report.failedLine = step.line + hang.line
  } else if (result.exitCode !== 0 && result.background === undefined) {
    report.status = 'failed'
    const failed = result.failedCommand
    const where = failed ? `line ${step.line + failed.line} \`${failed.command.trim()}\`` : `the block at line ${step.line}`
    report.message = `${where} exited with ${failed?.exitCode ?? result.exitCode ?? result.signal}:\n${tail(result.output)}`
    if (failed) report.failedLine = step.line + failed.line
  } else if (prepared.standIns.length > 0) {
    report.status = 'stood-in'
    report.message = standInNotes(prepared).join('; ')
  }
  return {report, result, failureExpected: false}
}

async function runFileStep(prepared: PreparedStep, step: FileStep, run: ChapterRun): Promise<StepReport> {
  const started = Date.now()
  if (step.mode === 'display') {
    // A file a tool wrote, shown to the learner: writing it would hide
    // whether the tool really wrote it so.
    return {
      id: step.id,
      kind: 'file',
      file: step.file,
      line: step.line,
      status: 'skipped',
      title: step.path,
      durationMs: 0,
      notes: [...step.notes],
      message: `not verified: ${step.path} is shown only, a tool writes it (${step.modeReason}); docs-verify does not write it`
    }
  }
  const replacement = step.mode === 'full' ? undefined : fileEditFor(run.config, step.path)
  const written = await applyFileStep(
    {id: step.id, path: step.path, text: prepared.text, mode: step.mode, ...(replacement ? {replacement} : {})},
    {cwd: run.session.cwd, home: run.sandbox.paths.home, root: run.sandbox.root, sandbox: run.sandbox}
  )
  const report: StepReport = {
    id: step.id,
    kind: 'file',
    file: step.file,
    line: step.line,
    status: written.status === 'written' ? 'passed' : 'not-applied',
    title: step.path,
    durationMs: Date.now() - started,
    notes: [...step.notes]
  }
  if (written.status !== 'written') report.message = written.reason
  return report
}

interface CommandRun {
  prepared: PreparedStep
  result: CommandResult
  /** The doc shows this command failing: its error output is the promise. */
  failureExpected: boolean
}

/** A directory tree: every file and folder it names is in the learner's
 * working directory (a tree shows what is there, not all that is). */
async function checkTree(step: ExpectStep, run: ChapterRun): Promise<StepReport> {
  const report: StepReport = {id: step.id, kind: 'expect', file: step.file, line: step.line, status: 'passed', durationMs: 0, notes: [...step.notes]}
  if (step.title !== undefined) report.title = step.title
  report.expectLine = step.line
  if (step.tree.length === 0) {
    report.status = 'skipped'
    report.message = 'a directory tree that names no file or folder docs-verify could read: not verified'
    return report
  }
  const gaps = await treeGaps(step.tree, run.session.cwd)
  if (gaps.length > 0) {
    report.status = 'failed'
    report.message = `the working directory differs from the tree (line ${step.line}):\n${gaps.map((gap) => `  - ${gap}`).join('\n')}`
  } else {
    report.notes.push(`the ${step.tree.length} files and folders the tree names are in the working directory`)
  }
  return report
}

function checkExpect(prepared: PreparedStep, step: ExpectStep, commands: ReadonlyMap<string, CommandRun>, run: ChapterRun, untrusted: string | undefined): StepReport {
  const report: StepReport = {id: step.id, kind: 'expect', file: step.file, line: step.line, status: 'passed', durationMs: 0, notes: [...step.notes]}
  if (step.title !== undefined) report.title = step.title
  const source = step.forStep === null ? undefined : commands.get(step.forStep)
  if (source === undefined) {
    report.status = 'skipped'
    report.message = step.forStep === null ? 'no command before this expected output: nothing to compare' : 'its command did not run in this variant'
    return report
  }
  const {result} = source
  report.expectLine = step.line
  report.command = source.prepared.typed
  const ranAsShown = source.failureExpected ? result.exitCode !== 0 && result.exitCode !== null : result.exitCode === 0
  if (!ranAsShown || result.timedOut) {
    report.status = 'skipped'
    report.message = source.failureExpected
      ? `its command (line ${source.prepared.step.line}) did not fail as the doc shows, so its output is not compared`
      : `its command (line ${source.prepared.step.line}) failed, so its output is not compared`
    return report
  }
  const policy = run.config.outputPolicy === undefined ? {} : {extraLines: run.config.outputPolicy.extraLines}
  const sandboxPaths = [run.sandbox.paths.work, run.sandbox.paths.home, run.sandbox.root]
  const numbers = toleranceFor(run.config, step)
  const comparison = compareOutput(prepared.text, result.output, {
    command: source.prepared.text,
    ...(step.lang === undefined ? {} : {lang: step.lang}),
    policy,
    sandboxPaths,
    ...(numbers ? {numbers} : {})
  })
  for (const tolerated of comparison.tolerated) report.notes.push(`tolerated (${tolerated.rule}): ${tolerated.message}`)
  for (const extra of comparison.extraLines) report.notes.push(`extra line: ${extra.message}`)
  if (!comparison.ok) {
    report.status = 'failed'
    // Block line 1 is the line after the fence: name the doc line to fix.
    const lines = comparison.mismatches.map((mismatch) =>
      mismatch.expectedLine === undefined ? mismatch.message : `line ${step.line + mismatch.expectedLine}: ${mismatch.message}`
    )
    if (lines.length === 0 && comparison.extraLines.length > 0) lines.push(...comparison.extraLines.map((extra) => extra.message))
    report.message = `the output of line ${source.prepared.step.line} differs from the doc (line ${step.line}):\n${lines.map((line) => `  - ${line}`).join('\n')}`
    report.diff = comparison.diff
    const first = comparison.mismatches.find((mismatch) => mismatch.expectedLine !== undefined)?.expectedLine
    if (first !== undefined) report.failedLine = step.line + first
    report.expected = prepared.text
    report.actual = result.output
  }
  run.onCompared?.({step, expected: prepared.text, actual: result.output, command: source.prepared.text, sandboxPaths, comparison, ...(untrusted === undefined ? {} : {untrusted})})
  return report
}

/** Run one prepared chapter in a session: every step in order, each
 * expected output compared with its command's output, then the effect
 * checks. Every step gets a report, also after a failure: the gaps after
 * the first one are worth knowing too. */
export async function runPreparedChapter(prepared: PreparedChapter, run: ChapterRun): Promise<ChapterReport> {
  const started = Date.now()
  const steps: StepReport[] = []
  const commands = new Map<string, CommandRun>()
  /** The block sent to the terminal before its turn (nextToSendAhead). */
  let ahead: {id: string; started: StartedCommand} | undefined
  let untrusted = run.untrusted
  for (const [index, current] of prepared.steps.entries()) {
    await run.onStepStarted?.(current)
    let report: StepReport
    const {step} = current
    if (step.kind === 'command') {
      const started = ahead?.id === step.id ? ahead.started : await startCommandStep(current, step, run)
      const next = nextToSendAhead(prepared.steps, index, run)
      ahead = next?.step.kind === 'command' ? {id: next.step.id, started: await startCommandStep(next, next.step, run)} : undefined
      const done = await runCommandStep(current, step, run, started)
      commands.set(step.id, {prepared: current, result: done.result, failureExpected: done.failureExpected})
      report = done.report
    } else if (step.kind === 'file') {
      report = await runFileStep(current, step, run)
    } else if (step.target === 'tree') {
      report = await checkTree(step, run)
    } else {
      report = checkExpect(current, step, commands, run, untrusted)
    }
    if (step.kind !== 'expect' && (report.status === 'failed' || report.status === 'timed-out' || report.status === 'not-applied')) {
      untrusted ??= `the ${step.kind} step at line ${step.line} ${report.status === 'not-applied' ? 'was not applied' : report.status} before it`
    }
    report.headings = step.headings
    steps.push(report)
    run.onStepFinished?.(report)
  }
  for (const background of await run.session.endChapter()) {
    const step = steps.find((report) => report.id === background.id)
    if (step && background.exitCode !== null && background.exitCode !== 0 && !background.stoppedAtClose) {
      step.status = 'failed'
      step.message = `the command in the second terminal exited with ${background.exitCode}:\n${tail(background.output)}`
    }
  }
  const results = new Map([...commands].map(([id, {result}]) => [id, result]))
  const checks = run.checkEffects ? await run.checkEffects(prepared, results) : []
  // A file step that was not applied leaves the learner's state unknown: the
  // chapter cannot pass.
  const failed =
    steps.some((step) => step.status === 'failed' || step.status === 'timed-out' || step.status === 'not-applied') || checks.some((check) => check.status === 'failed')
  const verified = steps.some((step) => step.status === 'passed' || step.status === 'stood-in') || checks.some((check) => check.status === 'passed')
  if (!failed && !verified) {
    return {
      file: prepared.plan.file,
      title: prepared.plan.title,
      slug: prepared.plan.slug,
      variant: prepared.variant.id,
      status: 'error',
      durationMs: Date.now() - started,
      steps,
      checks,
      message: 'nothing was verified: every step was skipped; see each step\'s reason'
    }
  }
  return {
    file: prepared.plan.file,
    title: prepared.plan.title,
    slug: prepared.plan.slug,
    variant: prepared.variant.id,
    status: failed ? 'failed' : 'passed',
    durationMs: Date.now() - started,
    steps,
    checks
  }
}
