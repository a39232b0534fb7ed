import {mkdtemp} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, ciEnv, hashTree, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

let guide: string
let cache: string

beforeAll(async () => {
  guide = await makeGuide([await bundledChapter(1), await bundledChapter(2)])
  cache = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-cache-'))
})

afterAll(async () => {
  await removeAll([guide, cache])
})

describe('docs-verify chapter-1..chapter-2 on a copy of the bundled guide', () => {
  it('passes: exit 0, every chapter passed in the JSON report, and the guide is left as it was', async () => {
    const before = await hashTree(guide)
    const result = await runCli(['chapter-1..chapter-2', '--no-cache', '--reporter', 'json', '--timeout', '120'], {
      cwd: guide,
      env: ciEnv({XDG_CACHE_HOME: cache})
    })
    const report = parseReport(result)
    const failing = report.chapters.flatMap((chapter) =>
      chapter.steps.filter((step) => step.status === 'failed' || step.status === 'timed-out').map((step) => `${chapter.slug}:${step.line} ${step.message}`)
    )
    expect(failing).toEqual([])
    expect(report.chapters.map((chapter) => [chapter.slug, chapter.status])).toEqual([
      ['chapter-1', 'passed'],
      ['chapter-2', 'passed']
    ])
    // Every expected output of both chapters was compared, none skipped.
    const expects = report.chapters.flatMap((chapter) => chapter.steps.filter((step) => step.kind === 'expect'))
    expect(expects.map((step) => step.status)).toEqual(['passed', 'passed', 'passed', 'passed'])
    expect(result.code).toBe(0)
    expect(await hashTree(guide)).toEqual(before)
  }, 180_000)
})
