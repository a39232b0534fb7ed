import {createInterface} from 'node:readline/promises'
import type {PreparedStep} from '../../plan/index.js'
import {sideBySide} from '../../report/index.js'
import type {StepReport} from '../../report/index.js'
import type {ComparedOutput} from '../../verify/index.js'

/** The learner's replay (`--step`): each step shown with its values before
 * it runs, waiting for Enter on a terminal; after a command, the doc's
 * expected output beside the real one, with the differences that were
 * tolerated and why. */
export function createReplay(io: {stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream}): {
  beforeStep(step: PreparedStep): Promise<void>
  afterStep(report: StepReport): void
  compared(compared: ComparedOutput): void
  close(): void
} {
  const interactive = io.stdin.isTTY === true && io.stdout.isTTY === true
  const prompt = interactive ? createInterface({input: io.stdin, output: io.stdout}) : undefined
  const write = (text: string): void => {
    io.stdout.write(`${text}\n`)
  }
  return {
    async beforeStep({step, text, standIns}) {
      write(`\n── ${step.file}:${step.line}  ${step.headings.at(-1) ?? ''}${step.tabs.length > 0 ? `  [${step.tabs.join(' > ')}]` : ''}`)
      if (step.kind === 'command') {
        for (const standIn of standIns) write(`   (stand-in) ${standIn.original.trim()} -> ${standIn.replacement ?? 'skipped'}: ${standIn.reason}`)
        write(text.replace(/\n$/, '').split('\n').map((line) => `   $ ${line}`).join('\n'))
      } else if (step.kind === 'file') {
        write(`   write ${step.path} (${step.mode})`)
      } else {
        return
      }
      if (prompt) await prompt.question('   press Enter to run it ')
    },
    afterStep(report) {
      if (report.kind === 'expect') return
      write(`   ${report.status}${report.message ? `: ${report.message}` : ''}`)
    },
    compared({expected, actual, comparison, step}) {
      write(`   output compared with the doc (line ${step.line}): ${comparison.ok ? 'similar' : 'different'}`)
      for (const row of sideBySide(expected, actual, 48)) write(`   ${row}`)
      for (const tolerated of comparison.tolerated) write(`   tolerated (${tolerated.rule}): ${tolerated.message}`)
      for (const mismatch of comparison.mismatches) write(`   differs: ${mismatch.message}`)
      for (const extra of comparison.extraLines) write(`   extra: ${extra.message}`)
    },
    close() {
      prompt?.close()
    }
  }
}
