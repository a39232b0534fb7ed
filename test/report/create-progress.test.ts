import {Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {createProgress} from '../../src/report/index.js'
import {sampleReport, step} from './fixtures.js'

/** A real in-memory stream that keeps what was written. */
function memoryStream(): Writable & {output: () => string; columns: number} {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk))
      done()
    }
  })
  return Object.assign(stream, {output: () => chunks.join(''), columns: 60})
}

const planStep = {id: 'command@326', kind: 'command' as const, file: 'docs/chapter-7.md', line: 326}

describe('createProgress', () => {
  it('writes plain lines for every start and finish when not a terminal', () => {
    const stream = memoryStream()
    let clock = 0
    const progress = createProgress(stream, {tty: false, color: false, now: () => clock})
    progress.stepStarted(planStep)
    clock = 1500
    progress.stepFinished(step({id: 'command@326', status: 'failed', message: 'exit code 1'}))
    progress.chapterFinished(sampleReport().chapters[0]!)
    expect(stream.output()).toBe(
      '  … docs/chapter-7.md:326 command@326\n' +
        '  ✗ docs/chapter-7.md:326 command@326 failed 1.2s\n      exit code 1\n' +
        '✗ Chapter 7 - Move the data [google-cloud] failed 5.0s\n'
    )
  })

  it('redraws one status line on a terminal, without ANSI codes when colour is off', () => {
    const stream = memoryStream()
    let clock = 0
    const progress = createProgress(stream, {tty: true, color: false, now: () => clock})
    progress.stepStarted({...planStep, title: 'Execute the following command(s) in a terminal, which is long'})
    clock = 2500
    progress.stepStarted({...planStep, id: 'command@358', line: 358})
    progress.stepFinished(step({id: 'command@358', status: 'passed'}))
    progress.stepFinished(step({id: 'command@326', status: 'failed', message: 'exit code 1'}))
    progress.chapterFinished(sampleReport().chapters[0]!)
    progress.stop()
    const output = stream.output()
    expect(output).not.toContain('\u001B[')
    expect(output).toContain('\r')
    expect(output).toContain('command@358 0ms +1 running')
    // After the short step ends, the long one shows again with its elapsed
    // time kept and its title shortened.
    expect(output).toContain('… 2.5s\r')
    // The passed step is not printed; the failure and the chapter are.
    expect(output).not.toContain('command@358 passed')
    expect(output).toContain('command@326 failed 1.2s\n      exit code 1\n')
    // No status line is wider than the terminal.
    for (const line of output.split(/[\r\n]/)) expect(line.length).toBeLessThan(60)
  })

  it('colours on a terminal when asked', () => {
    const stream = memoryStream()
    const progress = createProgress(stream, {tty: true, color: true})
    progress.stepStarted(planStep)
    progress.stop()
    expect(stream.output()).toContain('\u001B[36m')
  })
})
