/**
 * `--update` only from a trustworthy run: an expected block is rewritten
 * only when its command ran from the chapter's real starting state.
 * Bundled chapters 1 and 2 (copies; the repository's docs are never
 * touched), real bash and git.
 */
import {copyFile, mkdtemp, readFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, bundledGuide, chapterFiles, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'
import type {GuidePage} from '../cli/run-cli.js'

const made: string[] = []
let chapter1: GuidePage
let chapter2: GuidePage

beforeAll(async () => {
  chapter1 = await bundledChapter(1)
  chapter2 = await bundledChapter(2)
})
afterAll(async () => removeAll(made))

describe('--update refuses outputs a learner would not see', () => {
  it('chapter 2 alone, outside its guide: its seven correct `new file:` lines stay, with the reason', {timeout: 120_000}, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dv-update-loose-'))
    made.push(dir)
    const file = path.join(dir, chapterFiles[2])
    await copyFile(path.join(bundledGuide, chapterFiles[2]), file)
    const result = await runCli([chapterFiles[2], '--update', '--reporter', 'json'], {cwd: dir})
    expect(await readFile(file, 'utf8')).toBe(chapter2.text)
    expect(result.stderr).toMatch(/:57: not updated: .*ran alone, outside its guide/)
    expect(result.stderr).toContain('updated 0 blocks')
    expect(parseReport(result).chapters[0]?.status).toBe('failed')
    expect(result.code).toBe(1)
  })

  it('after a chapter of the chain failed: chapter 2 is not rewritten, and the reason names the failed step', {timeout: 240_000}, async () => {
    // Chapter 1 without src/params.py: its `python3 src/prepare.py` fails.
    const start = chapter1.text.indexOf('```py title="src/params.py"')
    const end = chapter1.text.indexOf('```\n', start + 3) + 4
    const broken = {...chapter1, text: chapter1.text.slice(0, start) + chapter1.text.slice(end)}
    const guide = await makeGuide([broken, chapter2])
    made.push(guide)
    const result = await runCli(['chapter-2', '--update', '--reporter', 'json'], {cwd: guide})
    expect(await readFile(path.join(guide, 'docs', chapterFiles[2]), 'utf8')).toBe(chapter2.text)
    expect(result.stderr).toMatch(/chapter-2[^\n]*:57: not updated: chapter-1 line \d+ failed earlier in the chain/)
    expect(result.code).toBe(1)
  })
})
