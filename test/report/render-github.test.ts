import {describe, expect, it} from 'vitest'
import {escapeWorkflowData, escapeWorkflowProperty, renderGithub} from '../../src/report/index.js'
import {sampleReport} from './fixtures.js'

describe('workflow command escaping', () => {
  it('escapes %, \\r and \\n in messages, and also : and , in properties', () => {
    expect(escapeWorkflowData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b')
    expect(escapeWorkflowProperty('docs/a,b: c%.md\n')).toBe('docs/a%2Cb%3A c%25.md%0A')
  })
})

describe('renderGithub', () => {
  const lines = renderGithub(sampleReport()).trimEnd().split('\n')

  it('writes one workflow command per line', () => {
    expect(lines.every((line) => /^::(error|warning) /.test(line))).toBe(true)
  })

  it('annotates a failed step at its expected-output line with the diff', () => {
    const failed = lines.find((line) => line.includes('command@326'))
    expect(failed).toBe(
      '::error file=docs/chapter-7.md,line=333,title=docs-verify%3A chapter-7 [google-cloud] command@326::' +
        'Output differs from the block at line 333: <dvc[gs]> & "quotes" 100%25%0A-dvc==3.47.0%0A+dvc[gs]==3.47.0\u0007'
    )
  })

  it('annotates timed-out steps, failed checks and chapters that could not run as errors', () => {
    expect(lines.filter((line) => line.startsWith('::error')).map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual([
      '333',
      '170',
      '284',
      '1'
    ])
    expect(lines.find((line) => line.includes('could not run'))).toContain('file=docs/chapter-8%2C part 1.md,line=1')
  })

  it('warns about stood-in steps and tolerated differences only', () => {
    const warnings = lines.filter((line) => line.startsWith('::warning'))
    expect(warnings.map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual(['150', '412'])
    expect(warnings[0]).toContain('gcloud projects create ran against the local stand-in')
  })

  it('prints nothing for a clean run', () => {
    const report = sampleReport()
    report.chapters = [report.chapters[1]!]
    expect(renderGithub(report)).toBe('')
  })
})
