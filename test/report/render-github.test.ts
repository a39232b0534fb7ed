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

  it('writes one workflow command per line, only errors by default', () => {
    expect(lines.every((line) => line.startsWith('::error '))).toBe(true)
  })

  it('annotates a differing output at the exact line that differs, named by its command, with the diff', () => {
    const failed = lines.find((line) => line.includes('pip freeze'))
    expect(failed).toBe(
      '::error file=docs/chapter-7.md,line=335,title=docs-verify%3A Chapter 7 - Move the data [google-cloud]%3A output of $ pip freeze | grep dvc::' +
        'Output differs from the block at line 333: <dvc[gs]> & "quotes" 100%25%0A-dvc==3.47.0%0A+dvc[gs]==3.47.0\u0007'
    )
  })

  it('annotates timed-out steps at the hanging line, failed checks and chapters that could not run', () => {
    expect(lines.map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual(['335', '171', '284', '1'])
    expect(lines.find((line) => line.includes('could not run'))).toContain('file=docs/chapter-8%2C part 1.md,line=1')
  })

  it('never warns: stand-ins and tolerated differences are notices, and only when verbose', () => {
    expect(lines.join('\n')).not.toContain('tolerated')
    const verbose = renderGithub(sampleReport(), {verbose: true}).trimEnd().split('\n')
    expect(verbose.some((line) => line.startsWith('::warning'))).toBe(false)
    const notices = verbose.filter((line) => line.startsWith('::notice'))
    expect(notices.map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual(['150', '412'])
    expect(notices[0]).toContain('gcloud auth login')
    expect(notices[1]).toContain('tolerated (git-status-hint)')
  })

  it('prints nothing for a clean run, even one with stand-ins and tolerated differences', () => {
    const report = sampleReport()
    const chapter = report.chapters[0]!
    report.chapters = [{...chapter, status: 'passed', checks: [], steps: chapter.steps.filter((step) => step.status === 'passed' || step.status === 'stood-in')}]
    expect(report.chapters[0]!.steps.some((step) => step.notes.some((note) => note.startsWith('tolerated')))).toBe(true)
    expect(renderGithub(report)).toBe('')
  })
})
