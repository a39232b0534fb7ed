import {copyFile, mkdir} from 'node:fs/promises'
import path from 'node:path'
import type {ChapterConfig} from '../../config/index.js'
import type {PreparedChapter} from '../../plan/index.js'
import type {ChapterReport, StepReport} from '../../report/index.js'
import {createSandbox, runInSandbox, ShellSession} from '../../runner/index.js'
import type {ResolvedSandboxMode, Sandbox} from '../../runner/index.js'
import type {CloudOptions, CloudSession} from '../../cloud/index.js'
import {chapterAfterRun, startChainCloud} from './chain-cloud.js'
import {checkGitRemote} from './check-git-remote.js'
import {runPreparedChapter} from './run-chapter.js'
import {applySetup} from './apply-setup.js'
import type {ComparedOutput} from './run-chapter.js'
import type {PreparedStep} from '../../plan/index.js'

/** One chapter of a chain with the configuration that applies to it. */
export interface ChainLink {
  prepared: PreparedChapter
  config: ChapterConfig
  /** Chapters run only to reach the target's starting state. */
  role: 'setup' | 'target'
  /** On a chain's first chapter: why it does not start where a learner
   * starts it (the chapters before it did not run). */
  untrustedStart?: string
}

export interface ChainOptions {
  keep: boolean
  /** The user's environment the sandbox's allowlist reads from. */
  parentEnv?: Readonly<Record<string, string | undefined>>
  timeoutSeconds?: number
  /** The cloud stand-ins a chapter that uses Google Cloud gets. */
  cloud?: CloudOptions
  /** Sets up the sandbox from a cached snapshot; returns how many links
   * (from the start) it restored. */
  restore?: (sandbox: Sandbox) => Promise<number>
  /** Called after each link that passed, to save a snapshot. */
  save?: (sandbox: Sandbox, index: number) => Promise<void>
  onStepStarted?: (step: PreparedStep) => void | Promise<void>
  /** Each step starts only after onStepStarted returned (see ChapterRun). */
  stepByStep?: boolean
  onStepFinished?: (report: StepReport) => void
  onChapterFinished?: (report: ChapterReport) => void
  onSandbox?: (sandbox: Sandbox) => void
  onCompared?: (compared: ComparedOutput) => void
  /** Folder of the configuration file: `setup.copyDir` is relative to it. */
  configDir?: string
  /** From resolveSandboxMode, once per run (default: mode none). */
  isolation?: ResolvedSandboxMode
  /** Config sandbox.allowHosts. */
  allowHosts?: readonly string[]
}

/** The variable the sandbox-bound placeholders (`<your git repository
 * url>`) expand to: a local bare repository. */
export const gitRemoteVariable = 'DOCS_VERIFY_GIT_REMOTE'

async function createBareRemote(sandbox: Sandbox): Promise<string> {
  const remote = path.join(sandbox.root, 'remotes', 'origin.git')
  await mkdir(path.dirname(remote), {recursive: true})
  const made = await runInSandbox(sandbox, ['git', 'init', '--quiet', '--bare', '--initial-branch=main', remote])
  if (made.exitCode !== 0) throw new Error(`could not create the sandbox's git remote: ${made.failure ?? made.stderr.trim()}`)
  return remote
}

function setupFailedReport(link: ChainLink, message: string): ChapterReport {
  const {plan, variant} = link.prepared
  return {file: plan.file, title: plan.title, slug: plan.slug, variant: variant.id, status: 'error', durationMs: 0, steps: [], checks: [], message}
}

function restoredReport(link: ChainLink): ChapterReport {
  const {plan, variant} = link.prepared
  return {file: plan.file, title: plan.title, slug: plan.slug, variant: variant.id, status: 'restored', durationMs: 0, steps: [], checks: []}
}

/** A chapter whose commands or files did not all go through leaves a state
 * no learner has. */
function brokenState(report: ChapterReport): string | undefined {
  if (report.status === 'error') return `${report.slug || report.file} could not run`
  const broken = report.steps.find((step) => step.kind !== 'expect' && (step.status === 'failed' || step.status === 'timed-out' || step.status === 'not-applied'))
  return broken ? `${report.slug || report.file} line ${broken.line} ${broken.status === 'not-applied' ? 'was not applied' : broken.status} earlier in the chain` : undefined
}

/**
 * Run chapters one after the other in one sandbox, as one learner would:
 * the shell state, the files, the Git remote and the cloud stand-ins carry
 * from chapter to chapter. A chapter that fails still lets the next ones
 * run (their reports say what they found), but no snapshot is saved after
 * it.
 */
export async function runChain(links: readonly ChainLink[], options: ChainOptions): Promise<ChapterReport[]> {
  const sandbox = await createSandbox({
    keep: options.keep,
    ...(options.parentEnv ? {parentEnv: options.parentEnv} : {}),
    ...(options.isolation ? {isolation: options.isolation} : {}),
    ...(options.allowHosts ? {allowHosts: options.allowHosts} : {})
  })
  options.onSandbox?.(sandbox)
  const reports: ChapterReport[] = []
  let cloud: CloudSession | undefined
  let session: ShellSession | undefined
  let teammate: ShellSession | undefined
  try {
    const remote = await createBareRemote(sandbox)
    const restored = options.restore ? await options.restore(sandbox) : 0
    for (const link of links.slice(0, restored)) {
      const report = restoredReport(link)
      reports.push(report)
      options.onChapterFinished?.(report)
    }
    const remaining = links.slice(restored)
    if (options.cloud) cloud = await startChainCloud(remaining.map((link) => link.prepared), options.cloud, sandbox)
    let healthy = true
    // One terminal for the whole chain; each chapter sets its own variables.
    // Steps get their own timeouts; the session's default governs setup.
    const terminal = (session = new ShellSession(sandbox, {mergeStreams: true, ...(options.timeoutSeconds === undefined ? {} : {defaultTimeoutMs: options.timeoutSeconds * 1000})}))
    // Why the state from here on is not the learner's: outputs seen after
    // it must not rewrite the doc (--update).
    let untrusted = links[0]?.untrustedStart
    let env: Record<string, string> = {}
    // Someone else's terminal lives for one chapter: the next chapter's
    // teammate starts from what the learner has shared by then.
    let teammates = 0
    const someoneElse = async (firstCommand: string): Promise<ShellSession> => {
      if (!teammate) {
        // Their own terminal with the same tools (the learner's shell state
        // at this point), in their own copy of the project: a clone of what
        // the learner shared (the branch's upstream, else the learner's
        // repository), unless their first command clones it itself; never
        // the learner's working directory.
        await terminal.saveState()
        const stateFile = path.join(sandbox.paths.run, 'someone-else-state.sh')
        await copyFile(terminal.stateFile, stateFile).catch(() => undefined)
        teammate = new ShellSession(sandbox, {mergeStreams: true, stateFile, ...(options.timeoutSeconds === undefined ? {} : {defaultTimeoutMs: options.timeoutSeconds * 1000})})
        teammate.setEnv(env)
        const home = path.join(sandbox.paths.home, 'someone-else', String(++teammates))
        await mkdir(home, {recursive: true})
        const clonesItself = /\bgit\s+clone\b/.test(firstCommand)
        const moved = await teammate.run({id: 'someone-else', text: clonesItself ? `cd -- ${shellQuote(home)}` : someoneElsesCopy(home, terminal.cwd)})
        if (moved.exitCode !== 0) throw new Error(`could not open someone else's terminal in ${home}: ${moved.output}`)
      }
      teammate.setEnv(env)
      return teammate
    }
    for (const [offset, link] of remaining.entries()) {
      env = {[gitRemoteVariable]: remote, ...link.config.env, ...cloud?.env}
      terminal.setEnv(env)
      if (restored + offset === 0 && link.config.setup) {
        const failure = await applySetup(link.config.setup, terminal, options.configDir)
        if (failure !== undefined) {
          const report = setupFailedReport(link, failure)
          reports.push(report)
          options.onChapterFinished?.(report)
          healthy = false
          untrusted ??= `the configuration's setup of ${link.prepared.plan.slug || link.prepared.plan.file} failed`
          await terminal.endChapter()
          continue
        }
      }
      const report = await runPreparedChapter(link.prepared, {
        sandbox,
        session: terminal,
        config: link.config,
        ...(options.timeoutSeconds === undefined ? {} : {timeoutSeconds: options.timeoutSeconds}),
        ...(options.onStepStarted ? {onStepStarted: options.onStepStarted} : {}),
        ...(options.stepByStep ? {stepByStep: true} : {}),
        ...(options.onStepFinished ? {onStepFinished: options.onStepFinished} : {}),
        ...(options.onCompared ? {onCompared: options.onCompared} : {}),
        ...(untrusted === undefined ? {} : {untrusted}),
        someoneElse,
        checkEffects: async (prepared, results) => [
          ...(await checkGitRemote(prepared, results, {sandbox, cwd: terminal.cwd})),
          ...(cloud ? await cloud.checkEffects(await chapterAfterRun(prepared, terminal.cwd, sandbox)) : [])
        ]
      })
      await teammate?.close()
      teammate = undefined
      reports.push(report)
      options.onChapterFinished?.(report)
      healthy &&= report.status === 'passed'
      untrusted ??= brokenState(report)
      if (healthy && options.save) {
        await cloud?.saveState()
        await options.save(sandbox, restored + offset)
      }
    }
  } finally {
    await teammate?.close()
    await session?.close()
    await cloud?.stop()
    await sandbox.dispose()
  }
  return reports
}

/** Shell text that puts someone else in their own clone of the learner's
 * project (cloned from the upstream the learner pushed to when there is one),
 * or in an empty folder when the learner has no repository yet. */
function someoneElsesCopy(home: string, learnerCwd: string): string {
  const quote = shellQuote
  return [
    `cd -- ${quote(home)}`,
    `if __dv_top=$(git -C ${quote(learnerCwd)} rev-parse --show-toplevel 2>/dev/null); then`,
    `  __dv_from=$(git -C "$__dv_top" config "remote.$(git -C "$__dv_top" config "branch.$(git -C "$__dv_top" branch --show-current).remote" || echo origin).url" || echo "$__dv_top")`,
    `  case "$__dv_from" in /*|file:*) ;; *) __dv_from=$__dv_top ;; esac`,
    `  git clone --quiet -- "$__dv_from" "$(basename "$__dv_top")" && cd -- "$(basename "$__dv_top")"`,
    'fi'
  ].join('\n')
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}
