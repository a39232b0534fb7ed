/**
 * A chapter starts where the learner is: `docs-verify chapter-2` runs
 * chapter 1 first, unless the configuration marks the chapter `standalone`
 * or gives it a `setup`. What the plan says (dry runs); the real run of
 * chapters 1 and 2 is in chapter-start.e2e.test.ts.
 */
import {existsSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, makeGuide, removeAll, requireInput, runCli, seedsDir} from '../cli/run-cli.js'
import type {GuidePage} from '../cli/run-cli.js'

const made: string[] = []
let pages: GuidePage[]

beforeAll(async () => {
  pages = [await bundledChapter(1), await bundledChapter(2)]
})

afterAll(async () => removeAll(made))

async function guideWith(config?: object): Promise<string> {
  const guide = await makeGuide(pages)
  made.push(guide)
  if (config) await writeFile(path.join(guide, 'docs-verify.config.json'), JSON.stringify(config))
  return guide
}

describe('docs-verify chapter-2 --dry-run on a copy of the bundled guide', () => {
  it('--dry-run names the chapters it runs first', async () => {
    const guide = await guideWith()
    const text = await runCli(['chapter-2', '--dry-run'], {cwd: guide})
    expect(text.stdout).toContain('runs first, in the same sandbox: chapter-1')
    const json = await runCli(['chapter-2', '--dry-run', '--format', 'json'], {cwd: guide})
    expect((JSON.parse(json.stdout) as {chapters: {runsFirst: string[]}[]}).chapters[0]?.runsFirst).toEqual(['chapter-1'])
  })

  it('a chapter the configuration marks standalone starts from an empty sandbox', async () => {
    const guide = await guideWith({chapters: {'chapter-2': {standalone: true}}})
    const json = await runCli(['chapter-2', '--dry-run', '--format', 'json'], {cwd: guide})
    expect(json.code).toBe(0)
    expect((JSON.parse(json.stdout) as {chapters: {runsFirst: string[]}[]}).chapters[0]?.runsFirst).toEqual([])
  })

  it('a chapter the configuration gives a setup starts from that setup', async () => {
    const guide = await guideWith({chapters: {'chapter-2': {setup: {script: 'true'}}}})
    const json = await runCli(['chapter-2', '--dry-run', '--format', 'json'], {cwd: guide})
    expect((JSON.parse(json.stdout) as {chapters: {runsFirst: string[]}[]}).chapters[0]?.runsFirst).toEqual([])
  })

  it('`standalone` must be true or false', async () => {
    const guide = await guideWith({chapters: {'chapter-2': {standalone: 'yes'}}})
    const result = await runCli(['chapter-2', '--dry-run'], {cwd: guide})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`chapters.chapter-2.standalone` must be true or false')
  })
})

describe('the seed guide: chapter 3 continues chapter 2, which copies chapter 1\'s data', () => {
  const seedGuide = path.join(seedsDir, 'a-guide-to-mlops-6f332358')
  it('--dry-run of chapter-3 runs chapters 1 and 2 first', async () => {
    if (!requireInput(seedGuide, existsSync(seedGuide))) return
    const json = await runCli(['chapter-3', '--dry-run', '--format', 'json'], {cwd: seedGuide})
    expect(json.code).toBe(0)
    expect((JSON.parse(json.stdout) as {chapters: {runsFirst: string[]}[]}).chapters[0]?.runsFirst).toEqual(['chapter-1', 'chapter-2'])
  })
})
