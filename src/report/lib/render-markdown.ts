import type {ChapterReport, ChapterStatus, StepReport, StepStatus, VerifyReport} from '../types.js'
import {elideText, readableLimits} from './elide-lines.js'
import {formatDuration} from './format-duration.js'
import {failureLine, stepSummary} from './step-label.js'

export interface MarkdownOptions {
  /** A link to a Markdown line (on GitHub: the file at the run's commit);
   * without one, lines are shown as `file:line`. */
  lineUrl?: (file: string, line: number) => string | undefined
  /** Which chapters get a table of their steps: all (default), only those
   * that failed, or none (GitHub refuses a job summary over 1 MiB). */
  stepTables?: 'all' | 'failed' | 'none'
}

const chapterIcons: Record<ChapterStatus, string> = {passed: '✅', failed: '❌', error: '⛔', restored: '♻️'}
const stepIcons: Record<StepStatus, string> = {passed: '✅', failed: '❌', 'timed-out': '⏱️', skipped: '➖', 'not-applied': '➖', 'stood-in': '☑️'}

/**
 * The run as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` (and
 * `--reporter markdown`): a headline, the failures first with links to
 * their lines, then a table per chapter, folded when it passed.
 */
export function renderMarkdown(report: VerifyReport, options: MarkdownOptions = {}): string {
  const where = (file: string, line: number): string => {
    const label = `${file}:${line}`
    const url = options.lineUrl?.(file, line)
    return url === undefined ? code(label) : `[${escapeText(label)}](${url})`
  }
  const failedChapters = report.chapters.filter((chapter) => chapter.status === 'failed' || chapter.status === 'error')
  const total = report.chapters.length
  const headline =
    failedChapters.length === 0
      ? `## ✅ docs-verify: ${total} chapter ${total === 1 ? 'run' : 'runs'} passed`
      : `## ❌ docs-verify: ${failedChapters.length} of ${total} chapter ${total === 1 ? 'run' : 'runs'} failed`
  const lines = [headline, '', `${report.tool} ${report.version}, ${formatDuration(report.durationMs)}`, '']

  const failures = failedChapters.flatMap((chapter) => failureItems(chapter, where))
  if (failures.length > 0) lines.push('### Failures', '', ...failures, '')

  lines.push('| | chapter | variant | steps | time |', '| --- | --- | --- | --- | --- |')
  for (const chapter of report.chapters) {
    lines.push(
      `| ${chapterIcons[chapter.status]} | ${cell(chapter.title)} | ${cell(chapter.variant)} | ${cell(stepCounts(chapter.steps))} | ${formatDuration(chapter.durationMs)} |`
    )
  }
  lines.push('')
  const tables = options.stepTables ?? 'all'
  const withTable = (chapter: ChapterReport): boolean => tables === 'all' || (tables === 'failed' && (chapter.status === 'failed' || chapter.status === 'error'))
  for (const chapter of report.chapters.filter(withTable)) lines.push(...chapterTable(chapter, where), '')
  return `${lines.join('\n')}\n`
}

function failureItems(chapter: ChapterReport, where: (file: string, line: number) => string): string[] {
  const items: string[] = []
  const title = chapter.variant === 'default' ? chapter.title : `${chapter.title} [${chapter.variant}]`
  if (chapter.status === 'error') items.push(`- ⛔ ${where(chapter.file, 1)} **${escapeText(title)}** could not run`, ...quoted(elideText(chapter.message ?? '', readableLimits.message)))
  for (const step of chapter.steps) {
    if (step.status !== 'failed' && step.status !== 'timed-out') continue
    items.push(`- ${stepIcons[step.status]} ${where(step.file, failureLine(step))} ${code(stepSummary(step))} ${step.status}`, ...quoted(elideText(step.message ?? '', readableLimits.message)))
  }
  for (const check of chapter.checks) {
    if (check.status !== 'failed') continue
    items.push(`- ❌ ${where(check.file, check.line)} check ${code(check.name)}`, ...quoted(elideText(check.message, readableLimits.message)))
  }
  return items
}

function chapterTable(chapter: ChapterReport, where: (file: string, line: number) => string): string[] {
  const open = chapter.status === 'failed' || chapter.status === 'error' ? ' open' : ''
  const variant = chapter.variant === 'default' ? '' : ` [${chapter.variant}]`
  const lines = [`<details${open}><summary>${chapterIcons[chapter.status]} ${escapeHtml(chapter.title + variant)}: ${chapter.status}</summary>`, '']
  if (chapter.steps.length === 0 && chapter.checks.length === 0) return [...lines, chapter.status === 'restored' ? 'Restored from the snapshot cache: nothing ran.' : 'No steps.', '', '</details>']
  lines.push('| | line | step | time |', '| --- | --- | --- | --- |')
  for (const step of chapter.steps) {
    const line = step.status === 'failed' || step.status === 'timed-out' ? failureLine(step) : step.line
    lines.push(`| ${stepIcons[step.status]} | ${cell(where(step.file, line))} | ${cell(code(stepSummary(step)))} | ${step.kind === 'expect' ? '' : formatDuration(step.durationMs)} |`)
  }
  for (const check of chapter.checks) {
    lines.push(`| ${check.status === 'passed' ? '✅' : '❌'} | ${cell(where(check.file, check.line))} | check ${cell(code(check.name))} | |`)
  }
  return [...lines, '', '</details>']
}

function stepCounts(steps: StepReport[]): string {
  const counts = new Map<StepStatus, number>()
  for (const step of steps) counts.set(step.status, (counts.get(step.status) ?? 0) + 1)
  if (counts.size === 0) return 'no steps'
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ')
}

/** A message as an indented fenced block under its list item. */
function quoted(message: string): string[] {
  if (message.trim() === '') return []
  const fence = '`'.repeat(Math.max(3, longestRun(message, '`') + 1))
  return ['', `  ${fence}text`, ...message.replace(/\n$/, '').split('\n').map((line) => `  ${line}`), `  ${fence}`, '']
}

/** An inline code span that survives backticks in the text. */
function code(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`
}

/** A table cell: `|` would end it, even inside a code span. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let current = 0
  for (const c of text) {
    current = c === char ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}
