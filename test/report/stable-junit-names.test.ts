import {describe, expect, it} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {renderJunit} from '../../src/report/index.js'
import type {ChapterReport, VerifyReport} from '../../src/report/index.js'
import {dataSeed, readSeed, seedsAvailable} from '../extract/seeds.js'
import {findAll, parseXml} from './tiny-xml.js'

const file = 'docs/part-2/chapter-7-move-the-ml-experiment-data-to-the-cloud.md'

/** The JUnit test names and lines of every variant of a chapter's plan, as
 * a run that passed every step would report them (real planning, real
 * rendering; only the run's outcome is made up). */
function junitCases(text: string): {suite: string; name: string; line: number}[] {
  const plan = planChapter(text, file)
  const chapters: ChapterReport[] = plan.variants.map((variant) => ({
    file,
    title: plan.title,
    slug: plan.slug,
    variant: variant.id,
    status: 'passed',
    durationMs: 0,
    checks: [],
    steps: variant.steps.map((step) => ({
      id: step.id,
      kind: step.kind,
      file: step.file,
      line: step.line,
      headings: step.headings,
      ...(step.title === undefined ? {} : {title: step.title}),
      status: 'passed',
      durationMs: 0,
      notes: []
    }))
  }))
  const report: VerifyReport = {tool: 'docs-verify', version: '0', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 0, chapters}
  return findAll(parseXml(renderJunit(report)), 'testcase').map((c) => ({suite: c.attributes.classname!, name: c.attributes.name!, line: Number(c.attributes.line)}))
}

function insertAfterLine(text: string, lineNumber: number, inserted: string): string {
  const lines = text.split('\n')
  lines.splice(lineNumber, 0, ...inserted.split('\n'))
  return lines.join('\n')
}

describe('JUnit names of the real data chapter (../shared/seeds)', () => {
  const present = seedsAvailable()

  it.runIf(present)('are unique within each variant and hold the heading path and the step kind', () => {
    const cases = junitCases(readSeed(dataSeed))
    expect(cases.length).toBeGreaterThan(20)
    const keys = cases.map((c) => `${c.suite} / ${c.name}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(cases.map((c) => c.name)).toContain('Steps › Install the DVC Storage plugin › file requirements.txt')
    for (const c of cases) expect(c.name).toMatch(/^(Steps|Summary)( › .+)? › (command|expected output|file .+)( #\d+)?$/)
    for (const c of cases) expect(c.name).not.toContain(String(c.line))
  })

  it.runIf(present)('do not change when a paragraph is added above the steps; only their lines move', () => {
    const text = readSeed(dataSeed)
    const introduction = text.split('\n').indexOf('## Introduction') + 1
    expect(introduction).toBeGreaterThan(0)
    const before = junitCases(text)
    const after = junitCases(insertAfterLine(text, introduction, '\nA paragraph a maintainer added,\nover two lines.\n'))
    expect(after.map((c) => [c.suite, c.name])).toEqual(before.map((c) => [c.suite, c.name]))
    expect(after.map((c) => c.line)).toEqual(before.map((c) => c.line + 4))
  })

  it.runIf(present)('change only for same-kind siblings in its section when a step is added', () => {
    const text = readSeed(dataSeed)
    const section = text.split('\n').indexOf('### Check the changes') + 1
    expect(section).toBeGreaterThan(0)
    const before = junitCases(text)
    const after = junitCases(insertAfterLine(text, section, '\n```sh title="Execute the following command(s) in a terminal"\ngit log --oneline\n```\n'))
    const names = (cases: typeof before): Set<string> => new Set(cases.map((c) => `${c.suite} / ${c.name}`))
    const lost = [...names(before)].filter((name) => !names(after).has(name))
    // The section's one command became `command #2` (the new one is #1);
    // nothing outside the section changed its name.
    for (const name of lost) expect(name).toContain('› Check the changes › command')
    expect(lost.length).toBeGreaterThan(0)
    const elsewhere = before.filter((c) => !c.name.includes('› Check the changes ›'))
    for (const c of elsewhere) expect(names(after)).toContain(`${c.suite} / ${c.name}`)
  })
})
