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

  it('shows the rows around a difference far down a long output and folds the equal runs', () => {
    const lines = Array.from({length: 600}, (_, index) => `line ${index}`)
    const terminal = lines.map((line, index) => (index === 500 ? 'changed' : line)).join('\n')
    const rows = sideBySide(lines.join('\n'), terminal, 30)
    expect(rows.length).toBeLessThanOrEqual(2 + 41)
    expect(rows[2]).toBe('   ⋮ 498 equal rows')
    expect(rows).toContain(`${'line 500'.padEnd(20)} ≠ changed`)
    expect(rows).toContain(`${'line 498'.padEnd(20)}   line 498`)
    expect(rows.at(-1)).toBe('   ⋮ 97 equal rows')
  })

  it('stops after 40 rows of a cascade and says how many more differ', () => {
    const terminal = Array.from({length: 1600}, (_, index) => `new file:   data/raw/Earth/Earth_${index}.jpg`).join('\n')
    const rows = sideBySide('new file:   dvc.lock', terminal)
    expect(rows).toHaveLength(2 + 40 + 1)
    expect(rows.at(-1)).toBe('… 1,560 more rows, 1,560 of them differ: the JSON report (--reporter json=FILE) has them all')
  })
})

describe('a cascade of differences in the readable reports', () => {
  // The real guide's chapter 4 `git add .` after a broken DVC: git status
  // listed every data file the doc does not show.
  function cascade(): VerifyReport {
    const report = sampleReport()
    const bullets = Array.from({length: 1600}, (_, index) => `  - git status: git printed \`new file: data/raw/Earth/Earth_${index}.jpg\` under 'Changes to be committed', which the doc does not show`)
    report.chapters[0]!.steps[2]!.message = ['the output of line 339 differs from the doc (line 349):', ...bullets].join('\n')
    return report
  }

  it('plain shows the first 25 lines of a failure and where the rest is', () => {
    const text = renderPlain(cascade(), {color: false})
    expect(text).toContain('Earth_23.jpg')
    expect(text).not.toContain('Earth_24.jpg`')
    expect(text).toContain('    … 1,576 more lines: the JSON report (--reporter json=FILE) has them all\n')
  })

  it('the JSON report keeps every line', () => {
    expect(renderJson(cascade())).toContain('Earth_1599.jpg')
  })
})

describe('renderJson', () => {
  it('round-trips the report', () => {
    const report = sampleReport()
    expect(JSON.parse(renderJson(report)) as VerifyReport).toEqual(report)
  })
})
