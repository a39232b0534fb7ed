import type {StepReport, VerifyReport} from '../types.js'
import {elideText, readableLimits} from './elide-lines.js'
import {failureLine, stepSummary} from './step-label.js'
import {workflowCommand} from './workflow-command.js'

export interface GithubOptions {
  /** Also a `::notice` for each step run against a stand-in and each
   * difference the checker tolerated. Never a warning: a passing run must
   * not look like a problem in the pull request. */
  verbose?: boolean
}

/**
 * GitHub Actions annotations: `::error` at the exact Markdown line of every
 * failure (the first expected line that differs, the line of the command
 * that failed), of every failed check and of each chapter that could not
 * run. A passing run prints nothing, unless verbose.
 */
export function renderGithub(report: VerifyReport, options: GithubOptions = {}): string {
  const lines: string[] = []
  for (const chapter of report.chapters) {
    const where = chapter.variant === 'default' ? chapter.title : `${chapter.title} [${chapter.variant}]`
    if (chapter.status === 'error') {
      lines.push(
        workflowCommand(
          'error',
          {file: chapter.file, line: 1, title: `docs-verify: ${where} could not run`},
          chapter.message ?? 'The chapter could not run.'
        )
      )
    }
    for (const step of chapter.steps) lines.push(...stepCommands(step, where, options.verbose ?? false))
    for (const check of chapter.checks) {
      if (check.status !== 'failed') continue
      lines.push(workflowCommand('error', {file: check.file, line: check.line, title: `docs-verify: ${where}: check ${check.name}`}, elideText(check.message, readableLimits.message)))
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

function stepCommands(step: StepReport, where: string, verbose: boolean): string[] {
  const title = `docs-verify: ${where}: ${stepSummary(step)}`
  if (step.status === 'failed' || step.status === 'timed-out') {
    const message = step.message ?? (step.status === 'failed' ? 'The step failed.' : 'The step timed out.')
    const body = step.diff ? `${elideText(message, readableLimits.message)}\n${elideText(step.diff, readableLimits.diff)}` : elideText(message, readableLimits.message)
    return [workflowCommand('error', {file: step.file, line: failureLine(step), title}, body)]
  }
  if (!verbose) return []
  const notes = step.status === 'stood-in' && step.message !== undefined && !step.notes.includes(step.message) ? [step.message, ...step.notes] : step.notes
  if (notes.length === 0) return []
  return [workflowCommand('notice', {file: step.file, line: step.line, title}, notes.join('\n'))]
}
