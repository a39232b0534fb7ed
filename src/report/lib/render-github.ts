import type {StepReport, VerifyReport} from '../types.js'
import {failureLine, stepLabel} from './step-label.js'
import {workflowCommand} from './workflow-command.js'

const toleratedNote = /tolerat/i

/**
 * GitHub Actions annotations: `::error` at the Markdown line of every failed
 * or timed-out step, failed check and chapter that could not run; `::warning`
 * for steps run against a stand-in and for differences the checker tolerated.
 */
export function renderGithub(report: VerifyReport): string {
  const lines: string[] = []
  for (const chapter of report.chapters) {
    const where = `${chapter.slug} [${chapter.variant}]`
    if (chapter.status === 'error') {
      lines.push(
        workflowCommand(
          'error',
          {file: chapter.file, line: 1, title: `docs-verify: ${where} could not run`},
          chapter.message ?? 'The chapter could not run.'
        )
      )
    }
    for (const step of chapter.steps) lines.push(...stepCommands(step, where))
    for (const check of chapter.checks) {
      if (check.status !== 'failed') continue
      lines.push(
        workflowCommand('error', {file: check.file, line: check.line, title: `docs-verify: ${where} check ${check.name}`}, check.message)
      )
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

function stepCommands(step: StepReport, where: string): string[] {
  const title = `docs-verify: ${where} ${stepLabel(step)}`
  if (step.status === 'failed' || step.status === 'timed-out') {
    const message = step.message ?? (step.status === 'failed' ? 'The step failed.' : 'The step timed out.')
    const body = step.diff ? `${message}\n${step.diff}` : message
    return [workflowCommand('error', {file: step.file, line: failureLine(step), title}, body)]
  }
  const warnings =
    step.status === 'stood-in'
      ? [step.message ?? 'Ran against a local stand-in, not the real service.', ...step.notes]
      : step.notes.filter((note) => toleratedNote.test(note))
  if (warnings.length === 0) return []
  return [workflowCommand('warning', {file: step.file, line: step.line, title}, warnings.join('\n'))]
}

