import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {renderGithub, renderJunit, renderMarkdown, renderPlain} from '../../src/report/index.js'
import type {VerifyReport} from '../../src/report/index.js'
import {findAll, parseXml} from './tiny-xml.js'

// Reports of real runs of the bundled guide (see test/fixtures/report/README.md).
const load = (name: string): VerifyReport => JSON.parse(readFileSync(new URL(`../fixtures/report/${name}`, import.meta.url), 'utf8')) as VerifyReport
const passed = load('bundled-chapter-7-passed.json')
const failed = load('bundled-chapter-2-failed.json')
const steps = (report: VerifyReport) => report.chapters.flatMap((chapter) => chapter.steps)

describe('the fixtures are what they claim', () => {
  it('a passing chain of 7 chapters with stand-ins and tolerated differences; a failing one with two failures', () => {
    expect(passed.chapters.map((chapter) => chapter.status)).toEqual(Array(7).fill('passed'))
    expect(steps(passed).some((step) => step.status === 'stood-in')).toBe(true)
    expect(steps(passed).some((step) => step.notes.some((note) => note.startsWith('tolerated')))).toBe(true)
    expect(steps(failed).filter((step) => step.status === 'failed').map((step) => step.failedLine)).toEqual([66, 81])
  })
})

describe('plain text of real runs', () => {
  it('one line per step, each once, led by its line and command, never the block title', () => {
    for (const report of [passed, failed]) {
      const text = renderPlain(report, {color: false})
      expect(text).not.toContain('Execute the following')
      for (const step of steps(report)) {
        const lead = `${step.file}:${step.line} `
        expect(text.split('\n').filter((line) => line.startsWith(`  `) && line.slice(4).startsWith(lead)), lead).toHaveLength(1)
      }
      for (const chapter of report.chapters) expect(text.split(`${chapter.title} ${chapter.variant === 'default' ? '' : `[${chapter.variant}] `}${chapter.status} (`)).toHaveLength(2)
    }
  })

  it('tolerated differences only when verbose', () => {
    expect(renderPlain(passed, {color: false})).not.toContain('tolerated')
    expect(renderPlain(passed, {color: false, verbose: true})).toContain('tolerated (tabs-vs-spaces)')
  })

  it('each failure once at its exact line, the doc beside the terminal', () => {
    const text = renderPlain(failed, {color: false})
    const file = 'docs/chapter-2-version-the-ml-experiment-code-with-git.md'
    expect(text.split(`\n✗ ${file}:66 output of $ git add . … failed\n`)).toHaveLength(2)
    expect(text.split(`\n✗ ${file}:81 $ git commit -m "My first ML experiment" --no-such-flag failed\n`)).toHaveLength(2)
    expect(text).toMatch(/ {8}new file: {3}parameters\.yaml +≠ {5}new file: {3}params\.yaml\n/)
    expect(text).not.toContain('Failures\n\n✓')
  })
})

describe('GitHub annotations of real runs', () => {
  it('a passing run with stand-ins and tolerated differences annotates nothing', () => {
    expect(renderGithub(passed)).toBe('')
    expect(renderGithub(passed, {verbose: true})).not.toMatch(/^::(warning|error)/m)
  })

  it('a failing run: one error per failure, at the exact line', () => {
    const lines = renderGithub(failed).trimEnd().split('\n')
    expect(lines.map((line) => /^::error file=([^,]+),line=(\d+),/.exec(line)?.slice(1).join(':'))).toEqual([
      'docs/chapter-2-version-the-ml-experiment-code-with-git.md:66',
      'docs/chapter-2-version-the-ml-experiment-code-with-git.md:81'
    ])
  })
})

describe('JUnit of real runs', () => {
  it('names carry no line number, are unique per suite, and count the failures', () => {
    for (const report of [passed, failed]) {
      const root = parseXml(renderJunit(report))
      for (const suite of findAll(root, 'testsuite')) {
        const names = findAll(suite, 'testcase').map((c) => c.attributes.name!)
        expect(new Set(names).size).toBe(names.length)
        for (const name of names) expect(name).not.toMatch(/@\d|\d{2,}/)
      }
    }
    expect(findAll(parseXml(renderJunit(failed)), 'failure')).toHaveLength(2)
  })
})

describe('Markdown summary of real runs', () => {
  it('a table per chapter; failures first, with links to their lines', () => {
    const lineUrl = (file: string, line: number): string => `https://github.com/o/r/blob/sha/${file}#L${line}`
    const text = renderMarkdown(failed, {lineUrl})
    expect(text.indexOf('### Failures')).toBeLessThan(text.indexOf('| | chapter |'))
    expect(text).toContain('(https://github.com/o/r/blob/sha/docs/chapter-2-version-the-ml-experiment-code-with-git.md#L66)')
    expect(text).toContain('(https://github.com/o/r/blob/sha/docs/chapter-2-version-the-ml-experiment-code-with-git.md#L81)')
    expect(text.match(/^\| \| line \| step \| time \|$/gm)).toHaveLength(failed.chapters.length)
    const ok = renderMarkdown(passed)
    expect(ok).toContain('## ✅ docs-verify: 7 chapter runs passed')
    expect(ok).not.toContain('### Failures')
    expect(ok.match(/^<details><summary>✅ /gm)).toHaveLength(7)
  })

  it('can leave out the step tables of passing chapters, or all of them, to stay under GitHub\'s size limit', () => {
    expect(renderMarkdown(passed, {stepTables: 'failed'})).not.toContain('<details')
    const failedOnly = renderMarkdown(failed, {stepTables: 'failed'})
    expect(failedOnly.match(/^<details/gm)).toHaveLength(1)
    expect(failedOnly).toContain('<details open><summary>❌ Chapter 2')
    const none = renderMarkdown(failed, {stepTables: 'none'})
    expect(none).not.toContain('<details')
    expect(none).toContain('### Failures')
    expect(none).toContain('| ✅ | Chapter 1 - Run a simple ML experiment | default | 14 passed |')
  })
})
