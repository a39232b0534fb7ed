import type {ChapterReport, StepReport, StepStatus, VerifyReport} from '../types.js'
import {createStyle} from './ansi-style.js'
import type {Style} from './ansi-style.js'
import {formatDuration} from './format-duration.js'
import {chapterMark, stepMark} from './status-marks.js'
import {failureLine, stepLabel} from './step-label.js'

export interface PlainOptions {
  /** Colour output; the caller decides (TTY, NO_COLOR, FORCE_COLOR). */
  color: boolean
}

const problemStatuses: ReadonlySet<StepStatus> = new Set(['failed', 'timed-out'])

/**
 * A human summary: one line per chapter and variant with its step counts,
 * the details of what went wrong under it, and a closing total.
 */
export function renderPlain(report: VerifyReport, options: PlainOptions): string {
  const style = createStyle(options.color)
  const lines: string[] = []
  for (const chapter of report.chapters) lines.push(...chapterLines(chapter, style))
  lines.push('', totalLine(report, style))
  return `${lines.join('\n')}\n`
}

function chapterLines(chapter: ChapterReport, style: Style): string[] {
  const head = `${chapterMark(chapter.status, style)} ${style.bold(chapter.title)} ${style.dim(`[${chapter.variant}]`)} ${chapter.status} ${style.dim(`(${stepCounts(chapter.steps)}, ${formatDuration(chapter.durationMs)})`)}`
  const lines = [head]
  if (chapter.status === 'error' && chapter.message) lines.push(`    ${chapter.file}: ${chapter.message}`)
  for (const step of chapter.steps) {
    if (!problemStatuses.has(step.status)) continue
    lines.push(`  ${stepMark(step.status, style)} ${step.file}:${failureLine(step)} ${stepLabel(step)} ${step.status}`)
    if (step.message) lines.push(...indent(step.message, 6))
    if (step.diff) lines.push(...indent(colorDiff(step.diff, style), 6))
    for (const note of step.notes) lines.push(`      ${style.dim(`note: ${note}`)}`)
  }
  for (const check of chapter.checks) {
    if (check.status !== 'failed') continue
    lines.push(`  ${style.red('✗')} ${check.file}:${check.line} check ${check.name}`, ...indent(check.message, 6))
  }
  return lines
}

function stepCounts(steps: StepReport[]): string {
  const counts = new Map<StepStatus, number>()
  for (const step of steps) counts.set(step.status, (counts.get(step.status) ?? 0) + 1)
  if (counts.size === 0) return 'no steps'
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ')
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
  return text.replace(/\n$/, '').split('\n').map((line) => `${pad}${line}`)
}

function colorDiff(diff: string, style: Style): string {
  return diff
    .split('\n')
    .map((line) =>
      line.startsWith('+') && !line.startsWith('+++')
        ? style.green(line)
        : line.startsWith('-') && !line.startsWith('---')
          ? style.red(line)
          : line
    )
    .join('\n')
}
