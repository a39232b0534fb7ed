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

const planStep = {id: 'command@326', kind: 'command' as const, file: 'docs/chapter-7.md', line: 326, text: '# Switch to dvc[gs]\npip install dvc[gs]\n'}

describe('createProgress', () => {
  it('prints each step once, when it finishes, and each chapter once, when not a terminal', () => {
    const stream = memoryStream()
    let clock = 0
    const progress = createProgress(stream, {tty: false, color: false, now: () => clock})
    progress.stepStarted(planStep)
    clock = 1500
    progress.stepFinished(step({id: 'command@326', status: 'failed', command: 'pip install dvc[gs]', message: 'exit code 1'}))
    progress.stepStarted({...planStep, id: 'expect@412', kind: 'expect', line: 412})
    progress.stepFinished(step({id: 'expect@412', kind: 'expect', line: 412, command: 'git status', status: 'passed', notes: ['tolerated (x): y']}))
    progress.chapterFinished(sampleReport().chapters[0]!)
    progress.stop()
    expect(stream.output()).toBe(
      '  ✗ docs/chapter-7.md:326 $ pip install dvc[gs] failed 1.2s\n' +
        '  ✓ docs/chapter-7.md:412 output of $ git status\n' +
        '✗ Chapter 7 - Move the data [google-cloud] failed (2 passed, 1 stood in, 1 failed, 1 timed-out, 1 skipped, 5.0s)\n'
    )
  })

  it('with verbose, prints the notes under the step', () => {
    const stream = memoryStream()
    const progress = createProgress(stream, {tty: false, color: false, verbose: true})
    progress.stepFinished(step({id: 'expect@412', kind: 'expect', line: 412, command: 'git status', status: 'passed', notes: ['tolerated (x): y']}))
    expect(stream.output()).toBe('  ✓ docs/chapter-7.md:412 output of $ git status\n      tolerated (x): y\n')
  })

  it('says which step is still running in a CI log when one runs long', async () => {
    const stream = memoryStream()
    const progress = createProgress(stream, {tty: false, color: false, stillRunningMs: 50})
    progress.stepStarted(planStep)
    await new Promise((resolve) => setTimeout(resolve, 1300))
    progress.stop()
    expect(stream.output()).toMatch(/^ {2}… docs\/chapter-7\.md:326 \$ pip install dvc\[gs\] still running \(1\.\ds\)\n$/)
  })

  it('redraws one status line on a terminal, without ANSI codes when colour is off', () => {
    const stream = memoryStream()
    let clock = 0
    const progress = createProgress(stream, {tty: true, color: false, now: () => clock})
    progress.stepStarted({...planStep, text: 'gcloud storage buckets create --location=europe-west6 --uniform-bucket-level-access gs://x'})
    clock = 2500
    progress.stepStarted({...planStep, id: 'command@358', line: 358, text: 'ls'})
    progress.stepFinished(step({id: 'command@358', status: 'passed', command: 'ls'}))
    progress.stepFinished(step({id: 'command@326', status: 'failed', command: 'pip install dvc[gs]', message: 'exit code 1'}))
    progress.chapterFinished(sampleReport().chapters[0]!)
    progress.stop()
    const output = stream.output()
    expect(output).not.toContain('\u001B[')
    expect(output).toContain('\r')
    expect(output).toContain('$ ls 0ms +1 running')
    // After the short step ends, the long one shows again with its elapsed
    // time kept and its command shortened.
    expect(output).toContain('… 2.5s\r')
    // Every finished step once, and the chapter once.
    expect(output.split('docs/chapter-7.md:358 $ ls').length - 1).toBe(2) // the status line, then the finished line
    expect(output).toContain('  ✓ docs/chapter-7.md:358 $ ls 1.2s\n')
    expect(output).toContain('  ✗ docs/chapter-7.md:326 $ pip install dvc[gs] failed 1.2s\n')
    expect(output.split('Chapter 7 - Move the data').length - 1).toBe(1)
    // No status line (redrawn after \r) is wider than the terminal.
    for (const line of output.split('\n').flatMap((line) => line.split('\r').slice(1))) expect(line.length).toBeLessThan(60)
  })

  it('colours on a terminal when asked', () => {
    const stream = memoryStream()
    const progress = createProgress(stream, {tty: true, color: true})
    progress.stepStarted(planStep)
    progress.stop()
    expect(stream.output()).toContain('\u001B[36m')
  })
})
