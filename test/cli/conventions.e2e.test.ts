/**
 * The CLI's conventions on a real run of a one-second chapter (the usage
 * errors, which run nothing, are in conventions.test.ts).
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeGuide, removeAll, runCli} from './run-cli.js'

const quickChapter = fileURLToPath(new URL('../fixtures/verify/isolation/chapter-1-check-the-sandbox.md', import.meta.url))
let quickGuide: string
const made: string[] = []

beforeAll(async () => {
  quickGuide = await makeGuide([{name: path.basename(quickChapter), text: await readFile(quickChapter, 'utf8')}])
  made.push(quickGuide)
})

afterAll(async () => {
  await removeAll(made)
})

describe('docs-verify CLI conventions of a real run (a one-second team chapter)', () => {
  it('prints one plain line per step on stdout under CI with NO_COLOR: its Markdown line and command, no escape sequences', async () => {
    const result = await runCli(['chapter-1', '--no-cache', '--reporter', 'plain'], {cwd: quickGuide})
    expect(result.code).toBe(0)
    expect(result.stdout + result.stderr).not.toMatch(/\x1b\[/)
    expect(result.stderr).toBe('')
    const file = `docs/${path.basename(quickChapter)}`
    // Each step once, led by its line, named by its first command (not the block title).
    expect(result.stdout.split(`${file}:12 `)).toHaveLength(2)
    expect(result.stdout).toContain(`  ✓ ${file}:12 $ test -z "$GOOGLE_APPLICATION_CREDENTIALS" …`)
    expect(result.stdout).not.toContain('Execute the following')
    expect(result.stdout.split('Chapter 1 - Check the sandbox passed')).toHaveLength(2)
    expect(result.stdout).toMatch(/\n1 chapter run: 1 passed, 0 failed, 0 errors, 0 restored \(.*\)\n$/)
  }, 60_000)

  it('--output writes the report to the file; the run lines stay on stdout', async () => {
    const output = path.join(quickGuide, '..', `${path.basename(quickGuide)}-report.json`)
    made.push(output)
    const result = await runCli(['chapter-1', '--no-cache', '--reporter', 'json', '--output', output], {cwd: quickGuide})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 chapter run: 1 passed')
    expect(existsSync(output)).toBe(true)
    const report = JSON.parse(await readFile(output, 'utf8')) as {chapters: {status: string}[]}
    expect(report.chapters.map((chapter) => chapter.status)).toEqual(['passed'])
  }, 60_000)
})
