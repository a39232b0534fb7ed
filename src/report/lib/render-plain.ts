import type {ChapterReport, StepReport, StepStatus, VerifyReport} from '../types.js'
import {createStyle} from './ansi-style.js'
import type {Style} from './ansi-style.js'
import {elideText, readableLimits} from './elide-lines.js'
import {formatDuration} from './format-duration.js'
import {sideBySide} from './side-by-side.js'
import {chapterMark, stepMark} from './status-marks.js'
import {failureLine, stepSummary} from './step-label.js'

export interface PlainOptions {
  /** Colour output; the caller decides (TTY, NO_COLOR, FORCE_COLOR). */
  color: boolean
  /** Also the notes of steps that passed: tolerated differences, stand-ins. */
  verbose?: boolean
}

const problemStatuses: ReadonlySet<StepStatus> = new Set(['failed', 'timed-out'])

/**
 * The whole run as text (`--reporter plain=FILE`): each chapter's line with
 * one line per step under it, then every failure once in detail, then the
 * total. A live run prints the same step and chapter lines as they happen
 * and ends with {@link renderClosing}.
 */
export function renderPlain(report: VerifyReport, options: PlainOptions): string {
  const style = createStyle(options.color)
  const lines: string[] = []
  for (const chapter of report.chapters) {
    for (const step of chapter.steps) lines.push(...stepLines(step, style, options.verbose ?? false))
    lines.push(chapterLine(chapter, style))
  }
  return `${[...lines, ...closingLines(report, style)].join('\n')}\n`
}

/** What a live run prints after its step and chapter lines: the failures in
 * detail, each once, and the total. */
export function renderClosing(report: VerifyReport, options: PlainOptions): string {
  return `${closingLines(report, createStyle(options.color)).join('\n')}\n`
}

/** One line per step, led by its Markdown line; with `verbose`, its notes
 * (tolerated differences, stand-ins) under it. */
export function stepLines(step: StepReport, style: Style, verbose: boolean): string[] {
  const status = step.status === 'passed' ? '' : ` ${style.dim(statusWord(step.status))}`
  const duration = step.kind === 'expect' ? '' : ` ${style.dim(formatDuration(step.durationMs))}`
  const lines = [`  ${stepMark(step.status, style)} ${step.file}:${step.line} ${stepSummary(step)}${status}${duration}`]
  if (verbose) {
    const notes = step.status === 'stood-in' && step.message !== undefined && !step.notes.includes(step.message) ? [step.message, ...step.notes] : step.notes
    for (const note of notes) lines.push(`      ${style.dim(note)}`)
  }
  return lines
}

/** A chapter's closing line: its status, step counts and time. */
export function chapterLine(chapter: ChapterReport, style: Style): string {
  const variant = chapter.variant === 'default' ? '' : ` ${style.dim(`[${chapter.variant}]`)}`
  return `${chapterMark(chapter.status, style)} ${style.bold(chapter.title)}${variant} ${chapter.status} ${style.dim(`(${stepCounts(chapter.steps)}, ${formatDuration(chapter.durationMs)})`)}`
}

function closingLines(report: VerifyReport, style: Style): string[] {
  const details = report.chapters.flatMap((chapter) => failureDetails(chapter, style))
  const failures = details.length === 0 ? [] : ['', style.red(style.bold('Failures')), ...details]
  return [...failures, '', ...sandboxLines(report, style), totalLine(report, style)]
}

function failureDetails(chapter: ChapterReport, style: Style): string[] {
  const lines: string[] = []
  if (chapter.status === 'error') {
    lines.push('', `${style.red('!')} ${chapter.file} ${style.bold(chapter.title)} could not run`, ...indent(chapter.message ?? 'no reason given', 4))
  }
  for (const step of chapter.steps) {
    if (!problemStatuses.has(step.status)) continue
    lines.push('', `${stepMark(step.status, style)} ${step.file}:${failureLine(step)} ${stepSummary(step)} ${style.dim(statusWord(step.status))}`)
    if (step.message) lines.push(...indent(elideText(step.message, readableLimits.message), 4))
    if (step.expected !== undefined && step.actual !== undefined) lines.push('', ...indent(sideBySide(step.expected, step.actual).join('\n'), 4))
    else if (step.diff) lines.push(...indent(elideText(step.diff, readableLimits.diff), 4))
  }
  for (const check of chapter.checks) {
    if (check.status !== 'failed') continue
    lines.push('', `${style.red('✗')} ${check.file}:${check.line} check ${check.name}`, ...indent(elideText(check.message, readableLimits.message), 4))
  }
  return lines
}

function statusWord(status: StepStatus): string {
  return status === 'stood-in' ? 'stood in' : status
}

function stepCounts(steps: StepReport[]): string {
  const counts = new Map<StepStatus, number>()
  for (const step of steps) counts.set(step.status, (counts.get(step.status) ?? 0) + 1)
  if (counts.size === 0) return 'no steps'
  return [...counts].map(([status, count]) => `${count} ${statusWord(status)}`).join(', ')
}

/** Said at the end, where it is read: a run without isolation, and what
 * the network policy refused. */
function sandboxLines(report: VerifyReport, style: Style): string[] {
  const sandbox = report.sandbox
  if (!sandbox) return []
  const lines = sandbox.isolated ? [] : [style.red(`not isolated: ${sandbox.reason}`)]
  for (const denied of sandbox.deniedHosts ?? []) lines.push(`network: refused ${denied.target} (${denied.count}x): ${denied.reason}`)
  return lines
}

function totalLine(report: VerifyReport, style: Style): string {
  const by = (status: string): number => report.chapters.filter((c) => c.status === status).length
  const parts = [
    style.green(`${by('passed')} passed`),
    by('failed') > 0 ? style.red(`${by('failed')} failed`) : `${by('failed')} failed`,
    by('error') > 0 ? style.red(`${by('error')} errors`) : `${by('error')} errors`,
    `${by('restored')} restored`
  ]
  const runs = report.chapters.length
  return `${runs} chapter ${runs === 1 ? 'run' : 'runs'}: ${parts.join(', ')} ${style.dim(`(${formatDuration(report.durationMs)})`)}`
}

function indent(text: string, width: number): string[] {
  const pad = ' '.repeat(width)
  return text.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `${pad}${line}`))
}
