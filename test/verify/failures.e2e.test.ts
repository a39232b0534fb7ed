import {execFile} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdtemp} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, ciEnv, lineOf, makeGuide, parseReport, removeAll, replaceOnce, runCli} from '../cli/run-cli.js'
import type {GuidePage, JsonReport} from '../cli/run-cli.js'

const run = promisify(execFile)
const made: string[] = []
let cache: string
let chapter1: GuidePage
let chapter2: GuidePage

beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-cache-'))
  made.push(cache)
  chapter1 = await bundledChapter(1)
  chapter2 = await bundledChapter(2)
})

afterAll(async () => {
  await removeAll(made)
})

/** Verify `target` in a fresh temporary guide made of `pages`. The
 * snapshot cache is this file's own (XDG_CACHE_HOME): an unchanged chapter 1
 * run by one case may be restored by the next. */
async function verify(pages: GuidePage[], target: string, extra: string[] = []): Promise<{code: number; report: JsonReport; stderr: string}> {
  const guide = await makeGuide(pages)
  made.push(guide)
  const result = await runCli([target, '--reporter', 'json', ...extra], {cwd: guide, env: ciEnv({XDG_CACHE_HOME: cache})})
  return {code: result.code, report: parseReport(result), stderr: result.stderr}
}

function stepsOf(report: JsonReport, slug: string): JsonReport['chapters'][number]['steps'] {
  const chapter = report.chapters.find((current) => current.slug === slug)
  if (!chapter) throw new Error(`no ${slug} in the report: ${JSON.stringify(report.chapters.map((current) => current.slug))}`)
  return chapter.steps
}

function failed(report: JsonReport, slug: string): JsonReport['chapters'][number]['steps'] {
  return stepsOf(report, slug).filter((step) => step.status === 'failed' || step.status === 'timed-out')
}

/** A section a team member adds to chapter 2: change a parameter, show the
 * change with `git diff`; the expected diff claims 30 epochs where the
 * file says 20. */
const diffSection = [
  '### Change a parameter',
  '',
  '```yaml title="params.yaml"',
  'prepare:',
  '  seed: 7',
  '  split: 0.25',
  '',
  'train:',
  '  epochs: 20',
  '  learning_rate: 0.5',
  '```',
  '',
  '```sh title="Execute the following command(s) in a terminal"',
  '# Show the differences with Git',
  'git diff params.yaml',
  '```',
  '',
  'The output should be similar to this:',
  '',
  '```diff',
  'diff --git a/params.yaml b/params.yaml',
  'index 3a62a56..26ed42c 100644',
  '--- a/params.yaml',
  '+++ b/params.yaml',
  '@@ -3,5 +3,5 @@ prepare:',
  '   split: 0.25',
  ' ',
  ' train:',
  '-  epochs: 5',
  '+  epochs: 30',
  '   learning_rate: 0.5',
  '```',
  '',
  ''
].join('\n')

describe('docs-verify reports each gap at its Markdown line (modified copies of the bundled chapters)', () => {
  it('a wrong expected `git status` (an entry missing) fails the expected output at its line, naming the path', async () => {
    const text = replaceOnce(chapter2.text, '    new file:   params.yaml\n', '')
    const statusBlock = lineOf(text, 'On branch main') - 1
    const {code, report} = await verify([chapter1, {...chapter2, text}], 'chapter-1..chapter-2')
    expect(['passed', 'restored']).toContain(report.chapters.find((chapter) => chapter.slug === 'chapter-1')?.status)
    const failures = failed(report, 'chapter-2')
    expect(failures.map((step) => [step.kind, step.line])).toEqual([['expect', statusBlock]])
    expect(failures[0]?.message).toContain('params.yaml')
    expect(failures[0]?.message).toContain(`line ${statusBlock}`)
    expect(code).toBe(1)
  }, 120_000)

  it('a wrong expected `git status` (an entry under the wrong section) fails at its line, naming the path', async () => {
    const untracked = ['', 'Untracked files:', '  (use "git add <file>..." to include in what will be committed)', '    src/train.py', '```'].join('\n')
    let text = replaceOnce(chapter2.text, '    new file:   src/train.py\n```', '```')
    text = replaceOnce(text, '    new file:   src/prepare.py\n```', `    new file:   src/prepare.py${untracked}`)
    const statusBlock = lineOf(text, 'On branch main') - 1
    const {code, report} = await verify([chapter1, {...chapter2, text}], 'chapter-1..chapter-2')
    const failures = failed(report, 'chapter-2')
    expect(failures.map((step) => [step.kind, step.line])).toEqual([['expect', statusBlock]])
    expect(failures[0]?.message).toContain('src/train.py')
    expect(failures[0]?.message).toMatch(/Changes to be committed|Untracked files/)
    expect(code).toBe(1)
  }, 120_000)

  describe('a wrong line in an expected `git diff`', () => {
    const text = (): string => replaceOnce(chapter2.text, '## Summary', `${diffSection}## Summary`)
    let once: ReturnType<typeof verify> | undefined
    const verified = (): ReturnType<typeof verify> => (once ??= verify([chapter1, {...chapter2, text: text()}], 'chapter-1..chapter-2'))

    it('fails the expected output at its block, quoting the wrong line and what git printed', async () => {
      const diffBlock = lineOf(text(), '```diff')
      const {code, report} = await verified()
      const failures = failed(report, 'chapter-2')
      expect(failures.map((step) => [step.kind, step.line])).toEqual([['expect', diffBlock]])
      const message = failures[0]?.message ?? ''
      expect(message).toContain('`+  epochs: 30`')
      expect(message).toContain('`+  epochs: 20`')
      expect(message).toContain(`(line ${diffBlock})`)
      expect(code).toBe(1)
    }, 120_000)

    // Product bug: run-chapter.ts checkExpect() drops Mismatch.expectedLine,
    // so the report names the block, not the Markdown line to fix.
    it('names the Markdown line of the wrong diff line', async () => {
      const wrongLine = lineOf(text(), '+  epochs: 30')
      const {report} = await verified()
      expect(failed(report, 'chapter-2')[0]?.message).toContain(`line ${wrongLine}`)
    }, 120_000)
  })

  it('a missing file step fails the command that needs the file, at that command\'s line', async () => {
    const start = chapter1.text.indexOf('```py title="src/params.py"')
    const end = chapter1.text.indexOf('```\n', start + 3) + 4
    const text = chapter1.text.slice(0, start) + chapter1.text.slice(end)
    expect(text).not.toContain('src/params.py')
    const commandLine = lineOf(text, 'python3 src/prepare.py')
    const block = commandLine - 2
    const {code, report} = await verify([{...chapter1, text}], 'chapter-1')
    const [first] = failed(report, 'chapter-1')
    expect(first).toMatchObject({kind: 'command', line: block, status: 'failed'})
    expect(first?.message).toContain(`line ${commandLine} \`python3 src/prepare.py\``)
    expect(first?.message).toContain("No module named 'params'")
    // Its expected output is not compared against a failed command.
    const expectAfter = stepsOf(report, 'chapter-1').find((step) => step.kind === 'expect' && step.line > block)
    expect(expectAfter?.status).toBe('skipped')
    expect(code).toBe(1)
  }, 120_000)

  it('a command waiting for input times out with --timeout 3, says so, and leaves no process behind', async () => {
    const marker = `dv-e2e-wait-${randomBytes(6).toString('hex')}`
    const command = `python3 -c "import time; tag = '${marker}'; print('Continue? [y/N] ', end='', flush=True); time.sleep(600)"`
    const waiting = ['```sh title="Execute the following command(s) in a terminal"', '# Confirm the next step', command, '```', '', ''].join('\n')
    const text = replaceOnce(chapter2.text, '### Ignore the files Git should not track', `${waiting}### Ignore the files Git should not track`)
    const block = lineOf(text, '# Confirm the next step') - 1
    // Chapter 2 alone: its own `git status` may differ, the hang is what is checked.
    const {code, report} = await verify([{...chapter2, text}], 'chapter-2', ['--timeout', '3'])
    const step = stepsOf(report, 'chapter-2').find((current) => current.line === block)
    expect(step?.status).toBe('timed-out')
    expect(step?.message).toMatch(/waiting for input/)
    expect(step?.message).toContain(`line ${block + 2}`)
    expect(step?.message).toContain('within 3 s')
    expect(report.chapters[0]?.status).toBe('failed')
    expect(code).toBe(1)
    // pgrep exits 1 when no process matches.
    const survivors = await run('pgrep', ['-f', marker]).then(
      (found) => found.stdout.trim(),
      (error: {code?: number; stdout?: string}) => (error.code === 1 ? '' : `pgrep failed: ${String(error.code)}`)
    )
    expect(survivors).toBe('')
    // The steps after the hang still ran in the same terminal.
    expect(stepsOf(report, 'chapter-2').some((current) => current.line > block && current.status === 'passed')).toBe(true)
  }, 120_000)
})
