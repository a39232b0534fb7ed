import {constants} from 'node:fs'
import {access, appendFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {ReporterTarget} from './args.js'
import {UsageError} from './usage-error.js'
import {renderGithub, renderJson, renderJunit, renderMarkdown, renderPlain} from '../../report/index.js'
import type {MarkdownOptions, VerifyReport} from '../../report/index.js'

/**
 * Fails before anything runs when a report could not be written: its folder
 * missing or read-only, or the path a folder. A run of a whole guide takes
 * minutes; its report must not be lost at the end.
 */
export async function checkReportFiles(targets: readonly ReporterTarget[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const files = targets.flatMap((target) => (target.file === undefined ? [] : [{file: target.file, what: `--reporter ${target.name}=${target.file}`}]))
  const summary = jobSummaryFile(env)
  if (summary !== undefined) files.push({file: summary, what: 'GITHUB_STEP_SUMMARY'})
  for (const {file, what} of files) {
    const full = path.resolve(cwd, file)
    const existing = await stat(full).catch(() => undefined)
    if (existing?.isDirectory()) throw new UsageError(`${what}: ${full} is a folder; name a file to write the report to`)
    const folder = path.dirname(full)
    const parent = await stat(folder).catch(() => undefined)
    if (!parent?.isDirectory()) throw new UsageError(`${what}: the folder ${folder} does not exist; create it first or name another file`)
    try {
      await access(existing ? full : folder, constants.W_OK)
    } catch {
      throw new UsageError(`${what}: ${existing ? full : folder} is not writable; name a file you can write`)
    }
  }
}

/** Where the human output (one line per step, the failures, the total)
 * goes: standard output, unless a machine report goes there. */
export function humanStream(targets: readonly ReporterTarget[], io: {stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream}): NodeJS.WriteStream {
  return targets.some((target) => target.file === undefined && target.name !== 'plain') ? io.stderr : io.stdout
}

/** Writes every report that has a file or is a machine report on standard
 * output (the plain report on standard output is the live output itself),
 * and the job summary when GitHub Actions asks for one. */
export async function writeReports(
  report: VerifyReport,
  targets: readonly ReporterTarget[],
  options: {verbose: boolean; cwd: string; env: NodeJS.ProcessEnv; stdout: NodeJS.WriteStream}
): Promise<void> {
  const lineUrl = githubLineUrl(options.env, options.cwd)
  const markdownOptions = lineUrl === undefined ? {} : {lineUrl}
  for (const target of targets) {
    if (target.file === undefined && target.name === 'plain') continue
    const text = (() => {
      switch (target.name) {
        case 'json':
          return renderJson(report)
        case 'junit':
          return renderJunit(report)
        case 'github':
          return renderGithub(report, {verbose: options.verbose})
        case 'markdown':
          return renderMarkdown(report, markdownOptions)
        case 'plain':
          return renderPlain(report, {color: false, verbose: options.verbose})
      }
    })()
    if (target.file === undefined) options.stdout.write(text)
    else await writeFile(path.resolve(options.cwd, target.file), text)
  }
  const summary = jobSummaryFile(options.env)
  if (summary !== undefined) await appendFile(path.resolve(options.cwd, summary), jobSummary(report, markdownOptions))
}

// GitHub refuses a step summary over 1 MiB; keep room for other steps'.
const jobSummaryBytes = 512 * 1024

/** The summary for GitHub: whole when it fits, else without the step
 * tables of the chapters that passed, else without any step table. */
function jobSummary(report: VerifyReport, options: MarkdownOptions): string {
  let text = ''
  for (const stepTables of ['all', 'failed', 'none'] as const) {
    text = renderMarkdown(report, {...options, stepTables})
    if (Buffer.byteLength(text) <= jobSummaryBytes) break
  }
  return text
}

function jobSummaryFile(env: NodeJS.ProcessEnv): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY
  return file === undefined || file === '' ? undefined : file
}

/** On GitHub Actions: a link to a line of a file at the run's commit. The
 * report's paths are relative to the working directory, links to the
 * repository root (`GITHUB_WORKSPACE`). */
export function githubLineUrl(env: NodeJS.ProcessEnv, cwd: string): ((file: string, line: number) => string | undefined) | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha} = env
  if (!server || !repository || !sha) return undefined
  const root = env.GITHUB_WORKSPACE || cwd
  return (file, line) => {
    const relative = path.relative(root, path.resolve(cwd, file))
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
    const encoded = relative.split(path.sep).map(encodeURIComponent).join('/')
    return `${server}/${repository}/blob/${sha}/${encoded}#L${line}`
  }
}
