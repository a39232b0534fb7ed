/**
 * Nothing vacuous passes: a target with nothing to verify, unreadable or
 * binary input, tabs nested too deep to read, a file step that was refused, a
 * chapter whose every step was skipped. Display-only files are not written.
 * Real bash; small inputs written here.
 */
import {randomBytes} from 'node:crypto'
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lineOf, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const fence = '```'
const run = (...lines: string[]): string[] => [`${fence}sh title="Execute the following command(s) in a terminal"`, ...lines, fence, '']
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dv-vacuous-'))
})
afterAll(async () => removeAll([dir]))

async function page(name: string, content: string | Buffer): Promise<string> {
  await writeFile(path.join(dir, name), content)
  return name
}

/** Tabs nested `depth` deep around one command. */
function deepTabs(depth: number): string {
  const lines = ['# Chapter 1 - Deep', '']
  for (let level = 0; level < depth; level++) lines.push(`${'    '.repeat(level)}=== "T${level}"`, '')
  const indent = '    '.repeat(depth)
  lines.push(...run('echo hi').map((line) => (line === '' ? '' : indent + line)))
  return lines.join('\n')
}

describe('a target with nothing to verify is an input error, exit 2, never "passed"', () => {
  it.each([
    ['an empty file', 'empty.md', '', 'nothing to verify'],
    ['20 KB of random bytes', 'random.md', randomBytes(20 * 1024), 'not a Markdown text file'],
    ['a page with no steps', 'words.md', `# Words\n\nJust prose.\n\n${fence}mermaid\ngraph LR\n  a --> b\n${fence}\n`, 'nothing to verify'],
    ['tabs nested too deep to read', 'deep.md', deepTabs(3000), 'deep.md:131: tabs, admonitions or collapsibles nested more than 64 levels deep']
  ])('%s', {timeout: 60_000}, async (_what, name, content, message) => {
    const target = await page(name, content)
    const result = await runCli([target, '--no-cache', '--reporter', 'json'], {cwd: dir})
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain(name)
    expect(result.stdout).not.toContain('"passed"')
    expect(result.code).toBe(2)
  })

  it('unreadable input (a folder named like a chapter)', async () => {
    await mkdir(path.join(dir, 'folder.md'), {recursive: true})
    const result = await runCli(['folder.md', '--no-cache'], {cwd: dir})
    expect(result.stderr).toMatch(/folder\.md: cannot read the chapter \(EISDIR\)/)
    expect(result.code).toBe(2)
  })
})

describe('steps that verify nothing', () => {
  it('a refused file step (a partial change without fileEdits) fails the chapter', {timeout: 60_000}, async () => {
    const text = ['# Chapter 1 - Change a file', '', ...run('printf "a: 1\\n" > params.yaml'), 'Add the following line at the end of the file:', '', `${fence}yaml title="params.yaml"`, 'b: 2', fence, ''].join('\n')
    const result = await runCli([await page('partial.md', text), '--no-cache', '--reporter', 'json'], {cwd: dir})
    const chapter = parseReport(result).chapters[0]
    expect(chapter?.steps.find((step) => step.kind === 'file')?.status).toBe('not-applied')
    expect(chapter?.status).toBe('failed')
    expect(result.code).toBe(1)
  })

  it('a display-only file is not written, and is reported not verified with the reason', {timeout: 60_000}, async () => {
    const text = [
      '# Chapter 1 - Ignore data',
      '',
      ...run('printf "/data\\n" > .gitignore'),
      'Notice that DVC also updated the .gitignore file:',
      '',
      `${fence}text title=".gitignore"`,
      '/data',
      '/model',
      fence,
      '',
      ...run('test "$(cat .gitignore)" = "/data"')
    ].join('\n')
    const result = await runCli([await page('display.md', text), '--no-cache', '--reporter', 'json'], {cwd: dir})
    const chapter = parseReport(result).chapters[0]
    const file = chapter?.steps.find((step) => step.kind === 'file')
    expect(file?.line).toBe(lineOf(text, `${fence}text title=".gitignore"`))
    expect(file?.status).toBe('skipped')
    expect(file?.message).toMatch(/not verified: \.gitignore is shown only, a tool writes it/)
    // The command after it sees the file as the learner's command left it.
    expect(chapter?.steps.filter((step) => step.kind === 'command').map((step) => step.status)).toEqual(['passed', 'passed'])
    expect(result.code).toBe(0)
  })

  it('a chapter whose every step was skipped is an error, not a pass', {timeout: 60_000}, async () => {
    const text = ['# Chapter 1 - Only output', '', 'The output should be similar to this:', '', `${fence}text`, 'hello', fence, ''].join('\n')
    const result = await runCli([await page('only-output.md', text), '--no-cache', '--reporter', 'json'], {cwd: dir})
    const chapter = parseReport(result).chapters[0]
    expect(chapter?.status).toBe('error')
    expect(chapter?.message).toContain('nothing was verified')
    expect(result.code).toBe(1)
  })
})
