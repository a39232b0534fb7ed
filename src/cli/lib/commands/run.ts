import path from 'node:path'
import type {VerifyOptions} from '../args.js'
import type {Io} from '../main.js'
import {exitCodes} from '../main.js'
import {UsageError} from '../usage-error.js'
import {terminalStyle} from '../terminal.js'
import {createReplay} from '../replay.js'
import type {Chapter} from '../../../guide/index.js'
import {createProgress, renderClosing} from '../../../report/index.js'
import {checkReportFiles, humanStream, writeReports} from '../report-outputs.js'
import type {ChapterReport, SandboxReport, VerifyReport} from '../../../report/index.js'
import {resolveSandboxMode} from '../../../runner/index.js'
import type {ResolvedSandboxMode, Sandbox} from '../../../runner/index.js'
import {chainsOfShard} from '../shard-selection.js'
import {version} from '../../../version.js'
import {buildChains} from '../../../verify/lib/build-chains.js'
import type {VerifyChain} from '../../../verify/lib/build-chains.js'
import {builtInStandIns} from '../../../verify/lib/built-in-stand-ins.js'
import {startCloudFor} from '../../../verify/lib/start-cloud.js'
import type {Workspace} from '../../../verify/lib/load-workspace.js'
import {runChain} from '../../../verify/lib/run-chain.js'
import {planChainCache, restoreSandbox, saveSandbox, userSnapshotStore} from '../../../verify/lib/snapshots.js'
import {collectUpdates, applyUpdates, markUpdated} from '../../../verify/lib/update-expected.js'
import type {ExpectedUpdate} from '../../../verify/lib/update-expected.js'

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

/** --sandbox, else the config's sandbox.mode, else auto; said in one line. */
async function sandboxModeFor(options: VerifyOptions, workspace: Workspace, io: Io, human: NodeJS.WritableStream): Promise<ResolvedSandboxMode> {
  const requested = options.sandbox ?? workspace.config.sandbox?.mode ?? 'auto'
  let resolved: ResolvedSandboxMode
  try {
    resolved = await resolveSandboxMode(requested, io.env)
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; use --sandbox auto or --sandbox none (not isolated)`)
  }
  // Part of the run's own output, before its first step.
  human.write(`${resolved.line}\n`)
  return resolved
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

/** `docs-verify <chapters>`: run in sandboxes, check, report. */
export async function runCommand(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, io: Io): Promise<number> {
  const started = new Date()
  await checkReportFiles(options.reporters, io.cwd, io.env)
  let chains: VerifyChain[] = await buildChains(chapters, {
    cwd: io.cwd,
    guide: workspace.guide,
    config: workspace.config,
    ...(options.provider === undefined ? {} : {provider: options.provider}),
    tabs: options.tabs,
    set: options.set,
    ...(options.from === undefined ? {} : {from: options.from}),
    builtInStandIns: builtInStandIns()
  })
  if (options.shard !== undefined) chains = chainsOfShard(chains, options.shard)
  const human = humanStream(options.reporters, io)
  const look = terminalStyle(human, io.env)
  const progress = createProgress(human, {tty: look.live && !options.step, color: look.color, verbose: options.verbose})
  const replay = options.step ? createReplay({stdout: human, stdin: process.stdin}) : undefined
  if (replay && options.jobs > 1) throw new UsageError('--step replays one step at a time: it cannot go with --jobs')
  const updates: ExpectedUpdate[] = []
  const refused: string[] = []
  const isolation = await sandboxModeFor(options, workspace, io, human)
  const allowHosts = workspace.config.sandbox?.allowHosts
  const sandboxes: Sandbox[] = []
  const startCloud = startCloudFor(options, io)
  const store = userSnapshotStore(io.env)
  const chainReports = await pool(chains.length, options.jobs, async (index): Promise<ChapterReport[]> => {
    const chain = chains[index]!
    const cache = options.noCache || options.update ? undefined : await planChainCache(chain.links, store)
    return runChain(chain.links, {
      keep: options.keep || options.step,
      parentEnv: io.env,
      ...(workspace.configFile === null ? {} : {configDir: path.dirname(workspace.configFile)}),
      ...(options.timeout === undefined ? {} : {timeoutSeconds: options.timeout}),
      isolation,
      ...(allowHosts ? {allowHosts} : {}),
      startCloud,
      ...(cache
        ? {
            restore: async (sandbox) => {
              // Nothing left to run: skip unpacking, unless the user wants the sandbox.
              if (cache.restoreIndex === chain.links.length - 1 && !options.keep && !options.step) return chain.links.length
              return (await restoreSandbox(cache, sandbox)) ? cache.restoreIndex + 1 : 0
            },
            save: (sandbox, at) => saveSandbox(cache, sandbox, at, chain.links[at]!.prepared.plan.slug)
          }
        : {}),
      onStepStarted: async (step) => (replay ? replay.beforeStep(step) : progress.stepStarted(step.step)),
      onStepFinished: (step) => (replay ? replay.afterStep(step) : progress.stepFinished(step)),
      onChapterFinished: (chapter) => progress.chapterFinished(chapter),
      onSandbox: (sandbox) => {
        sandboxes.push(sandbox)
        if (options.keep || options.step) io.stderr.write(`docs-verify: sandbox kept at ${sandbox.root}\n`)
      },
      onCompared: (compared) => {
        replay?.compared(compared)
        if (!options.update || compared.comparison.ok) return
        if (compared.untrusted === undefined) updates.push(compared)
        else refused.push(`${compared.step.file}:${compared.step.line}: not updated: ${compared.untrusted}, so its output is not what a learner sees`)
      }
    })
  })
  progress.stop()
  replay?.close()
  const report: VerifyReport = {
    tool: 'docs-verify',
    version,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    sandbox: sandboxReport(isolation, sandboxes),
    // A sharded run reports the chapters it verifies; chapters it only
    // replays to reach their state show up only when they fail.
    chapters: chainReports.flatMap((reports, index) =>
      options.shard === undefined ? reports : reports.filter((report, at) => chains[index]!.links[at]?.role === 'target' || report.status === 'failed' || report.status === 'error')
    )
  }
  if (options.update) {
    const outcome = await applyUpdates(collectUpdates(updates), io.cwd)
    for (const line of [...refused, ...outcome.messages]) io.stderr.write(`docs-verify: ${line}\n`)
    markUpdated(report, outcome.updated)
    io.stderr.write(`docs-verify: updated ${outcome.updated.length} block${outcome.updated.length === 1 ? '' : 's'}\n`)
  }
  await writeReports(report, options.reporters, {verbose: options.verbose, cwd: io.cwd, env: io.env, stdout: io.stdout})
  human.write(renderClosing(report, {color: look.color, verbose: options.verbose}))
  const failed = report.chapters.some((chapter) => chapter.status === 'failed' || chapter.status === 'error')
  return failed ? exitCodes.failed : exitCodes.passed
}

