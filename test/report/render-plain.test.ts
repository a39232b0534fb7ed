import {describe, expect, it} from 'vitest'
import {renderClosing, renderJson, renderPlain, sideBySide} from '../../src/report/index.js'
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

  it('prints one line per step, led by its Markdown line and the command, never the block title', () => {
    const text = renderPlain(sampleReport(), {color: false})
    expect(text).toContain('  ✓ docs/chapter-7.md:110 $ gcloud projects create mlops-demo 1.2s\n')
    expect(text).toContain('  ✓ docs/chapter-7.md:150 $ gcloud auth login stood in 1.2s\n')
    expect(text).toContain('  ✗ docs/chapter-7.md:333 output of $ pip freeze | grep dvc failed\n')
    expect(text).toContain('  - docs/chapter-7.md:317 write requirements.txt skipped 1.2s\n')
    expect(text).not.toContain('Execute the following')
    expect(text).toContain('✗ Chapter 7 - Move the data [google-cloud] failed (2 passed, 1 stood in, 1 failed, 1 timed-out, 1 skipped, 5.0s)')
    expect(text).toContain('✓ Chapter 7 - Move the data passed (1 passed, 5.0s)')
    expect(text.split('\n').at(-2)).toBe('3 chapter runs: 1 passed, 1 failed, 1 errors, 0 restored (5.0s)')
  })

  it('shows tolerated differences and stand-ins only when verbose', () => {
    expect(renderPlain(sampleReport(), {color: false})).not.toContain('tolerated')
    const verbose = renderPlain(sampleReport(), {color: false, verbose: true})
    expect(verbose).toContain('  ✓ docs/chapter-7.md:412 output of $ git status\n      tolerated (git-status-hint): index line differs\n')
    expect(verbose).toContain('      line 151: `gcloud auth login` stood in: a browser login\n')
  })

  it('details each failure once, at its exact line, with the doc beside the terminal', () => {
    const text = renderPlain(sampleReport(), {color: false})
    const header = '✗ docs/chapter-7.md:335 output of $ pip freeze | grep dvc failed'
    expect(text.split(header)).toHaveLength(2)
    expect(text).toContain(`${header}\n    Output differs from the block at line 333`)
    expect(text).toContain('    dvc==3.47.0          ≠ dvc[gs]==3.47.0\n')
    expect(text).toContain('⏱ docs/chapter-7.md:171 $ gcloud init timed-out\n    No output for 60s: browser login')
    expect(text).toContain('✗ docs/chapter-7.md:284 check bucket exists\n    gs://mlops-bucket missing')
    expect(text).toContain('! docs/chapter-8, part 1.md Chapter 8 could not run\n    fake-gcs-server did not start')
  })

  it('closes a live run with the failures and the total only: no step or chapter line again', () => {
    const text = renderClosing(sampleReport(), {color: false})
    expect(text).not.toContain(':110 ')
    expect(text).not.toContain('[google-cloud] failed (')
    expect(text).toContain('Failures')
    expect(text).toContain('✗ docs/chapter-7.md:335 output of $ pip freeze | grep dvc failed')
    const passing = sampleReport()
    passing.chapters = [passing.chapters[1]!]
    expect(renderClosing(passing, {color: false})).toBe('\n1 chapter run: 1 passed, 0 failed, 0 errors, 0 restored (5.0s)\n')
  })
})

describe('sideBySide', () => {
  it('marks the rows that differ, whitespace aside, and shortens long doc lines', () => {
    const rows = sideBySide('same\n  indented\n' + 'x'.repeat(80) + '\n', 'same\nindented\ny\nextra\n', 30)
    expect(rows[0]).toBe(`${'the doc shows'.padEnd(30)}   the terminal printed`)
    expect(rows[2]).toBe(`${'same'.padEnd(30)}   same`)
    expect(rows[3]).toBe(`${'  indented'.padEnd(30)}   indented`)
    expect(rows[4]).toBe(`${'x'.repeat(29)}… ≠ y`)
    expect(rows[5]).toBe(`${''.padEnd(30)} ≠ extra`)
  })
})

describe('renderJson', () => {
  it('round-trips the report', () => {
    const report = sampleReport()
    expect(JSON.parse(renderJson(report)) as VerifyReport).toEqual(report)
  })
})
