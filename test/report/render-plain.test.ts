import {describe, expect, it} from 'vitest'
import {renderJson, renderPlain} from '../../src/report/index.js'
import type {VerifyReport} from '../../src/report/index.js'
import {sampleReport} from './fixtures.js'

const escape = '\u001B['

describe('renderPlain', () => {
  it('has no ANSI codes when colour is off', () => {
    const text = renderPlain(sampleReport(), {color: false})
    expect(text).not.toContain(escape)
  })

  it('colours when asked', () => {
    expect(renderPlain(sampleReport(), {color: true})).toContain(`${escape}31m`)
  })

  it('summarises each chapter and variant and details what failed', () => {
    const text = renderPlain(sampleReport(), {color: false})
    const lines = text.split('\n')
    expect(lines[0]).toBe(
      '✗ Chapter 7 - Move the data [google-cloud] failed (2 passed, 1 stood-in, 1 failed, 1 timed-out, 1 skipped, 5.0s)'
    )
    expect(text).toContain('  ✗ docs/chapter-7.md:333 command@326 failed\n      Output differs')
    expect(text).toContain('  ✗ docs/chapter-7.md:284 check bucket exists\n      gs://mlops-bucket missing')
    expect(text).toContain('✓ Chapter 7 - Move the data [default] passed (1 passed, 5.0s)')
    expect(text).toContain('! Chapter 8 [default] error (no steps, 10ms)\n    docs/chapter-8, part 1.md: fake-gcs-server did not start')
    expect(lines.at(-2)).toBe('3 chapter runs: 1 passed, 1 failed, 1 errors, 0 restored (5.0s)')
  })
})

describe('renderJson', () => {
  it('round-trips the report', () => {
    const report = sampleReport()
    expect(JSON.parse(renderJson(report)) as VerifyReport).toEqual(report)
  })
})
