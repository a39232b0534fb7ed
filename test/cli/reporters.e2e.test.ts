/**
 * The reporters on real runs of a one-second chapter, passing and failing
 * (the parsing and the checks made before a run are in reporters.test.ts).
 */
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {findAll, parseXml} from '../report/tiny-xml.js'
import {ciEnv, makeGuide, removeAll, replaceOnce, runCli} from './run-cli.js'

const quickChapter = fileURLToPath(new URL('../fixtures/verify/isolation/chapter-1-check-the-sandbox.md', import.meta.url))
const made: string[] = []
let passingGuide: string
let failingGuide: string
let scratch: string

beforeAll(async () => {
  const text = await readFile(quickChapter, 'utf8')
  const name = path.basename(quickChapter)
  passingGuide = await makeGuide([{name, text}])
  // The doc now promises a second count of 7 (line 34): a real difference at one line.
  failingGuide = await makeGuide([{name, text: replaceOnce(text, '```text\n0\n0\n```', '```text\n0\n7\n```')}])
  scratch = await mkdtemp(path.join(os.tmpdir(), 'dv-reporters-'))
  made.push(passingGuide, failingGuide, scratch)
})

afterAll(async () => {
  await removeAll(made)
})

describe('three reporters and a job summary from one real run', () => {
  const github = {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'owner/guide',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
  }

  it('a failing run: annotations on stdout at the exact line, JUnit and JSON files, the summary with links, the run lines on stderr', async () => {
    const summaryFile = path.join(scratch, 'step-summary.md')
    await writeFile(summaryFile, '# an earlier step wrote this\n')
    const junit = path.join(scratch, 'report.xml')
    const json = path.join(scratch, 'run.json')
    const result = await runCli(['chapter-1', '--no-cache', '--reporter', 'github', '--reporter', `junit=${junit}`, '--reporter', `json=${json}`], {
      cwd: failingGuide,
      env: ciEnv({GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: failingGuide, ...github})
    })
    expect(result.code, result.stderr).toBe(1)
    const file = 'docs/chapter-1-check-the-sandbox.md'
    // Only annotations on stdout: one error, at the line that differs (34), not the fence (32).
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stdout).toMatch(new RegExp(`^::error file=${file},line=34,title=docs-verify%3A Chapter 1 - Check the sandbox%3A output of \\$ env \\| `))
    // The human lines went to stderr, the failure detailed once, side by side.
    expect(result.stderr).toContain(`  ✗ ${file}:32 output of $ env | { grep -ci planted || true; } … failed\n`)
    expect(result.stderr.split(`✗ ${file}:34 `)).toHaveLength(2)
    expect(result.stderr).toMatch(/the doc shows +the terminal printed/)
    expect(result.stderr).toMatch(/\n {4}7 +≠ 0\n/)
    const xml = parseXml(await readFile(junit, 'utf8'))
    const failures = findAll(xml, 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0]!.attributes.message).toMatch(new RegExp(`^${file}:34: `))
    expect(findAll(xml, 'testcase').map((c) => c.attributes.name)).toContain('Steps › Look for credentials › expected output')
    const report = JSON.parse(await readFile(json, 'utf8')) as {chapters: {steps: {failedLine?: number; status: string}[]}[]}
    expect(report.chapters[0]!.steps.find((step) => step.status === 'failed')?.failedLine).toBe(34)
    const summary = await readFile(summaryFile, 'utf8')
    expect(summary.startsWith('# an earlier step wrote this\n## ❌ docs-verify: 1 of 1 chapter run failed')).toBe(true)
    expect(summary).toContain(`[${file.replace(/_/g, '\\_')}:34](https://github.com/owner/guide/blob/${github.GITHUB_SHA}/${file}#L34)`)
    expect(summary).toContain('| ❌ | Chapter 1 - Check the sandbox | default |')
    expect(summary).toContain('<details open>')
  }, 60_000)

  it('a passing run: no annotation at all; the summary folds the chapter', async () => {
    const summaryFile = path.join(scratch, 'passing-summary.md')
    const result = await runCli(['chapter-1', '--no-cache', '--reporter', 'github', '--reporter', `markdown=${path.join(scratch, 'copy.md')}`], {
      cwd: passingGuide,
      env: ciEnv({GITHUB_STEP_SUMMARY: summaryFile, ...github})
    })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('')
    const summary = await readFile(summaryFile, 'utf8')
    expect(summary).toContain('## ✅ docs-verify: 1 chapter run passed')
    expect(summary).toContain('<details><summary>✅ Chapter 1 - Check the sandbox: passed</summary>')
    expect(await readFile(path.join(scratch, 'copy.md'), 'utf8')).toBe(summary)
  }, 60_000)
})

describe('--step with a machine report on stdout', () => {
  it('keeps the learner\'s replay off stdout, which holds only the JSON', async () => {
    const result = await runCli(['chapter-1', '--no-cache', '--step', '--reporter', 'json'], {cwd: failingGuide})
    expect(result.code, result.stderr).toBe(1)
    const report = JSON.parse(result.stdout) as {chapters: unknown[]}
    expect(report.chapters).toHaveLength(1)
    expect(result.stderr).toContain('the doc shows')
    expect(result.stderr).toContain('$ cat notes.txt')
    // --step keeps the sandbox for the learner and says where: removed here.
    const kept = /sandbox kept at (\S+)/.exec(result.stderr)?.[1]
    expect(kept).toBeDefined()
    made.push(kept!)
  }, 60_000)
})
