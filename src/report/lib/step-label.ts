import type {StepReport} from '../types.js'

/** What a step does, in a few words a reader recognises from the doc: the
 * command's first line (as run), the file written, or the command whose
 * output was compared. Never the block's title: "Execute the following
 * command(s) in a terminal" says nothing. */
export function stepSummary(step: {kind: StepReport['kind']; command?: string; title?: string; id: string}): string {
  switch (step.kind) {
    case 'command':
      return step.command === undefined ? step.title ?? step.id : `$ ${firstLine(step.command)}`
    case 'file':
      return `write ${step.title ?? step.id}`
    case 'expect':
      return step.command === undefined ? 'expected output' : `output of $ ${firstLine(step.command)}`
  }
}

/** A block's first command: its first line that is neither blank nor a
 * shell comment (the doc's `# Create the bucket` explains, the next line
 * acts), with `…` when more lines follow. */
export function firstLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  const acts = (line: string): boolean => !line.trim().startsWith('#')
  const at = Math.max(0, lines.findIndex(acts))
  const first = (lines[at] ?? '').trim()
  return lines.slice(at + 1).some(acts) ? `${first} …` : first
}

/** Where a failure should point: the exact line at fault when known, else
 * the expected-output block when outputs differed, else the step's fence. */
export function failureLine(step: StepReport): number {
  if (step.failedLine !== undefined) return step.failedLine
  return step.diff !== undefined && step.expectLine !== undefined ? step.expectLine : step.line
}
