/**
 * A failure the doc shows: config `expectFailure` makes a non-zero exit the
 * expected result, a zero exit a failure, and the error output after it is
 * still compared. Real bash and git, a small guide written here.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {lineOf, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const made: string[] = []
afterAll(async () => removeAll(made))

const fence = '```'
function chapter(command: string, error: string, lead = 'Try to add a file that does not exist yet:'): string {
  return [
    '# Chapter 1 - Add the data',
    '',
    `${fence}sh title="Execute the following command(s) in a terminal"`,
    'git init --quiet -b main',
    fence,
    '',
    lead,
    '',
    `${fence}sh title="Execute the following command(s) in a terminal"`,
    command,
    fence,
    '',
    'The output should be similar to this:',
    '',
    `${fence}text`,
    error,
    fence,
    ''
  ].join('\n')
}

async function verify(text: string, config: object): Promise<{code: number; steps: {kind: string; line: number; status: string; message?: string}[]}> {
  const guide = await makeGuide([{name: 'chapter-1-add-the-data.md', text}])
  made.push(guide)
  await writeFile(path.join(guide, 'docs-verify.config.json'), JSON.stringify(config))
  const result = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide})
  return {code: result.code, steps: parseReport(result).chapters[0]?.steps ?? []}
}

describe('config expectFailure', () => {
  const text = chapter('git add data.csv', "fatal: pathspec 'data.csv' did not match any files")
  const commandLine = lineOf(text, 'git add data.csv') - 1
  const expectLine = lineOf(text, "fatal: pathspec 'data.csv' did not match any files") - 1

  it('a command listed there that fails passes, and its error output is compared and passes', {timeout: 60_000}, async () => {
    const {code, steps} = await verify(text, {expectFailure: [String(commandLine)]})
    expect(steps.find((step) => step.line === commandLine)).toMatchObject({kind: 'command', status: 'passed'})
    expect(steps.find((step) => step.line === expectLine)).toMatchObject({kind: 'expect', status: 'passed'})
    expect(code).toBe(0)
  })

  it('the error output is still compared: a different error fails at the expected block', {timeout: 60_000}, async () => {
    const wrong = chapter('git add data.csv', "fatal: pathspec 'other.csv' did not match any files")
    const {code, steps} = await verify(wrong, {chapters: {'chapter-1': {expectFailure: [`chapter-1-add-the-data.md:${commandLine}`]}}})
    expect(steps.find((step) => step.line === commandLine)?.status).toBe('passed')
    expect(steps.find((step) => step.line === expectLine)).toMatchObject({status: 'failed'})
    expect(code).toBe(1)
  })

  it('a command listed there that succeeds fails, saying the error did not happen', {timeout: 60_000}, async () => {
    const succeeding = chapter('touch data.csv && git add data.csv', "fatal: pathspec 'data.csv' did not match any files")
    const {code, steps} = await verify(succeeding, {expectFailure: [String(commandLine)]})
    const command = steps.find((step) => step.line === commandLine)
    expect(command?.status).toBe('failed')
    expect(command?.message).toMatch(/exited with 0.*expectFailure/)
    expect(code).toBe(1)
  })

  it('without it, the failing command fails the chapter', {timeout: 60_000}, async () => {
    const {code, steps} = await verify(text, {})
    expect(steps.find((step) => step.line === commandLine)?.status).toBe('failed')
    expect(code).toBe(1)
  })

  it('a key that is not `file.md:line` or `line` is an input error', async () => {
    const guide = await makeGuide([{name: 'chapter-1-add-the-data.md', text}])
    made.push(guide)
    await writeFile(path.join(guide, 'docs-verify.config.json'), JSON.stringify({expectFailure: ['the second block']}))
    const result = await runCli(['chapter-1', '--dry-run'], {cwd: guide})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('expectFailure[0]')
  })
})

describe('a failure the prose announces ("Spoiler, it will fail:")', () => {
  const text = chapter('git add data.csv', "fatal: pathspec 'data.csv' did not match any files", 'Try to add the data. Spoiler, it will fail:')
  const commandLine = lineOf(text, 'git add data.csv') - 1
  const expectLine = lineOf(text, "fatal: pathspec 'data.csv' did not match any files") - 1

  it('is the expected result: the command passes and its error output is compared', {timeout: 60_000}, async () => {
    const {code, steps} = await verify(text, {})
    expect(steps.find((step) => step.line === commandLine)).toMatchObject({kind: 'command', status: 'passed'})
    expect(steps.find((step) => step.line === expectLine)).toMatchObject({kind: 'expect', status: 'passed'})
    expect(code).toBe(0)
  })

  it('a zero exit is then a failure naming the announcement', {timeout: 60_000}, async () => {
    const succeeding = chapter('touch data.csv && git add data.csv', 'anything', 'Try to add the data. Spoiler, it will fail:')
    const {code, steps} = await verify(succeeding, {})
    const command = steps.find((step) => step.line === commandLine)
    expect(command?.status).toBe('failed')
    expect(command?.message).toContain('Spoiler, it will fail')
    expect(code).toBe(1)
  })
})
