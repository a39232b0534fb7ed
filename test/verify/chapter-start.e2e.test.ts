/**
 * A chapter starts where the learner is: `docs-verify chapter-2` runs
 * chapter 1 first in the same sandbox (the bundled chapter 2 runs `git init`
 * itself, yet its `git status` lists the files chapter 1 wrote). A real run
 * of both chapters; the dry-run side is in chapter-start.test.ts.
 */
import {mkdtemp} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, ciEnv, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const made: string[] = []
let cache: string

beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-cache-'))
  made.push(cache)
})

afterAll(async () => removeAll(made))

describe('docs-verify chapter-2 on a copy of the bundled guide', () => {
  it('runs chapter 1 first in the same sandbox, and chapter 2 passes', {timeout: 240_000}, async () => {
    const guide = await makeGuide([await bundledChapter(1), await bundledChapter(2)])
    made.push(guide)
    const result = await runCli(['chapter-2', '--reporter', 'json'], {cwd: guide, env: ciEnv({XDG_CACHE_HOME: cache})})
    const report = parseReport(result)
    expect(report.chapters.map((chapter) => chapter.slug)).toEqual(['chapter-1', 'chapter-2'])
    expect(['passed', 'restored']).toContain(report.chapters[0]?.status)
    const failing = report.chapters[1]?.steps.filter((step) => step.status === 'failed').map((step) => `${step.line}: ${step.message}`)
    expect(failing).toEqual([])
    expect(report.chapters[1]?.status).toBe('passed')
    expect(result.code).toBe(0)
  })
})
