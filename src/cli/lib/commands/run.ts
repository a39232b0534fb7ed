import type {VerifyOptions} from '../args.js'
import type {Io} from '../io.js'
import {exitCodes} from '../exit-codes.js'
import {UsageError} from '../usage-error.js'
import {terminalStyle} from '../terminal.js'
import {createReplay} from '../replay.js'
import {parseShardOption} from '../shard-option.js'
import {checkReportFiles, humanStream, writeReports} from '../report-outputs.js'
import type {Chapter} from '../../../guide/index.js'
import {createProgress, renderClosing} from '../../../report/index.js'
import {verifyChapters} from '../../../verify/index.js'
import type {Workspace} from '../../../verify/index.js'

/** `docs-verify <chapters>`: run in sandboxes, check, report. */
export async function runCommand(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, io: Io): Promise<number> {
  await checkReportFiles(options.reporters, io.cwd, io.env)
  const shard = options.shard === undefined ? undefined : parseShardOption(options.shard)
  if (options.step && options.jobs > 1) throw new UsageError('--step replays one step at a time: it cannot go with --jobs')
  const human = humanStream(options.reporters, io)
  const look = terminalStyle(human, io.env)
  const progress = createProgress(human, {tty: look.live && !options.step, color: look.color, verbose: options.verbose})
  const replay = options.step ? createReplay({stdout: human, stdin: process.stdin}) : undefined
  const keep = options.keep || options.step
  let result
  try {
    result = await verifyChapters(
      {
        workspace,
        chapters,
        cwd: io.cwd,
        env: io.env,
        ...(options.provider === undefined ? {} : {provider: options.provider}),
        tabs: options.tabs,
        set: options.set,
        ...(options.from === undefined ? {} : {from: options.from}),
        ...(shard === undefined ? {} : {shard}),
        jobs: options.jobs,
        keep,
        ...(options.step ? {stepByStep: true} : {}),
        cache: !options.noCache,
        update: options.update,
        ...(options.timeout === undefined ? {} : {timeoutSeconds: options.timeout}),
        ...(options.sandbox === undefined ? {} : {sandbox: options.sandbox}),
        cloud: {gcs: options.gcs, ...(options.gcsUrl === undefined ? {} : {gcsUrl: options.gcsUrl})}
      },
      {
        // Part of the run's own output, before its first step.
        onIsolation: (line) => human.write(`${line}\n`),
        onStepStarted: async (step) => (replay ? replay.beforeStep(step) : progress.stepStarted(step.step)),
        onStepFinished: (step) => (replay ? replay.afterStep(step) : progress.stepFinished(step)),
        onChapterFinished: (chapter) => progress.chapterFinished(chapter),
        onSandbox: (sandbox) => {
          if (keep) io.stderr.write(`docs-verify: sandbox kept at ${sandbox.root}\n`)
        },
        onCompared: (compared) => replay?.compared(compared),
        onMessage: (line) => io.stderr.write(`docs-verify: ${line}\n`)
      }
    )
  } finally {
    progress.stop()
    replay?.close()
  }
  const {report, updated, updateMessages} = result
  if (options.update) {
    for (const line of updateMessages) io.stderr.write(`docs-verify: ${line}\n`)
    io.stderr.write(`docs-verify: updated ${updated} block${updated === 1 ? '' : 's'}\n`)
  }
  await writeReports(report, options.reporters, {verbose: options.verbose, cwd: io.cwd, env: io.env, stdout: io.stdout})
  human.write(renderClosing(report, {color: look.color, verbose: options.verbose}))
  const failed = report.chapters.some((chapter) => chapter.status === 'failed' || chapter.status === 'error')
  return failed ? exitCodes.failed : exitCodes.passed
}
