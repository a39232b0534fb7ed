import path from 'node:path'
import {builtInStandIns} from '../../cloud/index.js'
import type {CloudOptions} from '../../cloud/index.js'
import type {Chapter} from '../../guide/index.js'
import type {PreparedStep} from '../../plan/index.js'
import type {ChapterReport, SandboxReport, StepReport, VerifyReport} from '../../report/index.js'
import {resolveSandboxMode} from '../../runner/index.js'
import type {RequestedSandboxMode, ResolvedSandboxMode, Sandbox} from '../../runner/index.js'
import type {Shard} from '../../shard/index.js'
import {version} from '../../version.js'
import {buildChains} from './build-chains.js'
import {InputError} from './input-error.js'
import type {Workspace} from './load-workspace.js'
import {runChain} from './run-chain.js'
import type {ComparedOutput} from './run-chapter.js'
import {chainsOfShard} from './shard-chains.js'
import {planChainCache, restoreSandbox, saveSandbox, userSnapshotStore} from './snapshots.js'
import {applyUpdates, collectUpdates, markUpdated} from './update-expected.js'
import type {ExpectedUpdate} from './update-expected.js'

/** Which GCS stand-in a chapter that uses Cloud Storage gets (`--gcs`). */
export type CloudRequest = Pick<CloudOptions, 'gcs' | 'gcsUrl'>

/** What to verify and how: plain data, as the CLI's flags say it. */
export interface VerifyRequest {
  /** The guide and configuration (loadWorkspace). */
  workspace: Workspace
  /** In the order they run (selectChapters). */
  chapters: readonly Chapter[]
  /** Where the user stands: the report's paths are relative to it. */
  cwd: string
  /** The user's environment: the sandbox's allowlist and the cache folder read it. */
  env: NodeJS.ProcessEnv
  provider?: string
  tabs?: readonly string[]
  set?: Record<string, string>
  /** Run the chapters from this one on before the first selected. */
  from?: string
  /** Verify only this shard's chains. */
  shard?: Shard
  /** Chains run at the same time (default 1). */
  jobs?: number
  /** Keep every sandbox after the run. */
  keep?: boolean
  /** Restore chapters from the snapshot cache and save them there (default
   * true; never with `update`: an update needs the live output). */
  cache?: boolean
  /** Rewrite the expected-output blocks that differ, from a trustworthy run. */
  update?: boolean
  timeoutSeconds?: number
  /** Each step starts only after onStepStarted returned: the learner's
   * --step replay. Otherwise a block may start while the one before it is
   * reported. */
  stepByStep?: boolean
  /** Default: the configuration's sandbox.mode, else auto. */
  sandbox?: RequestedSandboxMode
  cloud: CloudRequest
}

/** What happens while it runs, for live output; each is optional. */
export interface VerifyEvents {
  /** The isolation the run has, said once before the first step. */
  onIsolation?: (line: string) => void
  onStepStarted?: (step: PreparedStep) => void | Promise<void>
  onStepFinished?: (report: StepReport) => void
  onChapterFinished?: (report: ChapterReport) => void
  onSandbox?: (sandbox: Sandbox) => void
  onCompared?: (compared: ComparedOutput) => void
  /** A line for the user while it runs (a cloud stand-in starting). */
  onMessage?: (line: string) => void
}

export interface VerifyResult {
  report: VerifyReport
  /** `update`: how many expected-output blocks were rewritten. */
  updated: number
  /** `update`: a line per file written and per block refused. */
  updateMessages: string[]
}

/** Run `count` async jobs at most `limit` at a time, results in order. */
async function pool<T>(count: number, limit: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++
      results[index] = await job(index)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, count)}, worker))
  return results
}

async function isolationFor(request: VerifyRequest): Promise<ResolvedSandboxMode> {
  const requested = request.sandbox ?? request.workspace.config.sandbox?.mode ?? 'auto'
  try {
    return await resolveSandboxMode(requested, request.env)
  } catch (error) {
    throw new InputError(`${(error as Error).message}; use --sandbox auto or --sandbox none (not isolated)`)
  }
}

function sandboxReport(isolation: ResolvedSandboxMode, sandboxes: readonly Sandbox[]): SandboxReport {
  const report: SandboxReport = {mode: isolation.mode, isolated: isolation.mode === 'bwrap', networkFiltered: isolation.networkFiltered, reason: isolation.line}
  const network = sandboxes.find((sandbox) => sandbox.isolation.network !== undefined)?.isolation.network
  if (network !== undefined) report.network = network
  const denied = new Map<string, {target: string; reason: string; count: number}>()
  for (const entry of sandboxes.flatMap((sandbox) => sandbox.deniedHosts())) {
    const seen = denied.get(entry.target)
    denied.set(entry.target, {...entry, count: (seen?.count ?? 0) + entry.count})
  }
  if (denied.size > 0) report.deniedHosts = [...denied.values()]
  return report
}

/**
 * Verify chapters: each chain of chapters in a sandbox of its own (with
 * the cloud stand-ins it needs), every command run, every file written and
 * every expected output compared; the result is the report. With `update`,
 * the expected-output blocks that differ are rewritten, only from runs a
 * learner could have made.
 */
export async function verifyChapters(request: VerifyRequest, events: VerifyEvents = {}): Promise<VerifyResult> {
  const started = new Date()
  const {workspace, cwd} = request
  let chains = await buildChains(request.chapters, {
    cwd,
    guide: workspace.guide,
    config: workspace.config,
    ...(request.provider === undefined ? {} : {provider: request.provider}),
    ...(request.tabs === undefined ? {} : {tabs: request.tabs}),
    ...(request.set === undefined ? {} : {set: request.set}),
    ...(request.from === undefined ? {} : {from: request.from}),
    builtInStandIns: builtInStandIns()
  })
  if (request.shard !== undefined) chains = chainsOfShard(chains, request.shard)
  const isolation = await isolationFor(request)
  events.onIsolation?.(isolation.line)
  const updates: ExpectedUpdate[] = []
  const refused: string[] = []
  const allowHosts = workspace.config.sandbox?.allowHosts
  const sandboxes: Sandbox[] = []
  const cloud: CloudOptions = {
    ...request.cloud,
    env: request.env,
    log: (line) => events.onMessage?.(line)
  }
  const store = userSnapshotStore(request.env)
  const useCache = request.cache !== false && request.update !== true
  const keep = request.keep === true
  const chainReports = await pool(chains.length, request.jobs ?? 1, async (index): Promise<ChapterReport[]> => {
    const chain = chains[index]!
    const cache = useCache ? await planChainCache(chain.links, store) : undefined
    return runChain(chain.links, {
      keep,
      parentEnv: request.env,
      ...(workspace.configFile === null ? {} : {configDir: path.dirname(workspace.configFile)}),
      ...(request.timeoutSeconds === undefined ? {} : {timeoutSeconds: request.timeoutSeconds}),
      isolation,
      ...(allowHosts ? {allowHosts} : {}),
      cloud,
      ...(cache
        ? {
            restore: async (sandbox) => {
              // Nothing left to run: skip unpacking, unless the user wants the sandbox.
              if (cache.restoreIndex === chain.links.length - 1 && !keep) return chain.links.length
              return (await restoreSandbox(cache, sandbox)) ? cache.restoreIndex + 1 : 0
            },
            save: (sandbox, at) => saveSandbox(cache, sandbox, at, chain.links[at]!.prepared.plan.slug)
          }
        : {}),
      ...(events.onStepStarted ? {onStepStarted: events.onStepStarted} : {}),
      ...(request.stepByStep ? {stepByStep: true} : {}),
      ...(events.onStepFinished ? {onStepFinished: events.onStepFinished} : {}),
      ...(events.onChapterFinished ? {onChapterFinished: events.onChapterFinished} : {}),
      onSandbox: (sandbox) => {
        sandboxes.push(sandbox)
        events.onSandbox?.(sandbox)
      },
      onCompared: (compared) => {
        events.onCompared?.(compared)
        if (!request.update || compared.comparison.ok) return
        if (compared.untrusted === undefined) updates.push(compared)
        else refused.push(`${compared.step.file}:${compared.step.line}: not updated: ${compared.untrusted}, so its output is not what a learner sees`)
      }
    })
  })
  const report: VerifyReport = {
    tool: 'docs-verify',
    version,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    sandbox: sandboxReport(isolation, sandboxes),
    // A sharded run reports the chapters it verifies; chapters it only
    // replays to reach their state show up only when they fail.
    chapters: chainReports.flatMap((reports, index) =>
      request.shard === undefined ? reports : reports.filter((report, at) => chains[index]!.links[at]?.role === 'target' || report.status === 'failed' || report.status === 'error')
    )
  }
  if (!request.update) return {report, updated: 0, updateMessages: []}
  const outcome = await applyUpdates(collectUpdates(updates), cwd)
  markUpdated(report, outcome.updated)
  return {report, updated: outcome.updated.length, updateMessages: [...refused, ...outcome.messages]}
}
