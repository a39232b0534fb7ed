import {existsSync} from 'node:fs'
import {chmod, mkdtemp, readFile, readdir} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseInvocation, parseReporters} from '../../src/cli/lib/args.js'
import {UsageError} from '../../src/cli/lib/usage-error.js'
import {bundledGuide, ciEnv, makeGuide, removeAll, runCli} from './run-cli.js'

const quickChapter = fileURLToPath(new URL('../fixtures/verify/isolation/chapter-1-check-the-sandbox.md', import.meta.url))
const made: string[] = []
let passingGuide: string
let scratch: string

beforeAll(async () => {
  passingGuide = await makeGuide([{name: path.basename(quickChapter), text: await readFile(quickChapter, 'utf8')}])
  scratch = await mkdtemp(path.join(os.tmpdir(), 'dv-reporters-'))
  made.push(passingGuide, scratch)
})

afterAll(async () => {
  await removeAll(made)
})

describe('--reporter NAME[=FILE] parsing', () => {
  const usage = (argv: string[]): string => {
    try {
      parseInvocation(argv)
    } catch (error) {
      if (error instanceof UsageError) return error.message
      throw error
    }
    throw new Error(`accepted: ${argv.join(' ')}`)
  }

  it('is repeatable, each reporter to its file and at most one to standard output', () => {
    expect(parseReporters(['github', 'junit=report.xml', 'json=run.json'], undefined)).toEqual([
      {name: 'github'},
      {name: 'junit', file: 'report.xml'},
      {name: 'json', file: 'run.json'}
    ])
    const invocation = parseInvocation(['all', '--reporter', 'github', '-r', 'junit=out/report.xml', '--reporter=markdown=summary.md'])
    expect(invocation.command === 'verify' && invocation.options.reporters).toEqual([
      {name: 'github'},
      {name: 'junit', file: 'out/report.xml'},
      {name: 'markdown', file: 'summary.md'}
    ])
  })

  it('defaults to the plain report on standard output; auto is plain', () => {
    expect(parseReporters([], undefined)).toEqual([{name: 'plain'}])
    expect(parseReporters(['auto'], undefined)).toEqual([{name: 'plain'}])
  })

  it('keeps -o for the one reporter given without a file', () => {
    expect(parseReporters(['junit'], 'junit.xml')).toEqual([{name: 'junit', file: 'junit.xml'}])
    expect(parseReporters([], 'report.txt')).toEqual([{name: 'plain', file: 'report.txt'}])
    expect(parseReporters(['github', 'json=run.json'], undefined)).toHaveLength(2)
    expect(parseReporters(['junit', 'json=run.json'], 'junit.xml')).toEqual([
      {name: 'junit', file: 'junit.xml'},
      {name: 'json', file: 'run.json'}
    ])
  })

  it('rejects combinations that would interleave or lose a report (exit 2)', () => {
    expect(usage(['all', '--reporter', 'json', '--reporter', 'junit'])).toContain('only one report can go to standard output, got json and junit')
    expect(usage(['all', '--reporter', 'json=r.out', '--reporter', 'junit=r.out'])).toContain('both write r.out')
    expect(usage(['all', '--reporter', 'json', '--reporter', 'junit', '-o', 'x'])).toContain('-o x goes with one reporter')
    expect(usage(['all', '--reporter', 'json=a.json', '-o', 'x'])).toContain('-o x has no reporter to go with')
    expect(usage(['all', '--reporter', 'junit='])).toContain('needs a file name')
    expect(usage(['all', '--reporter', 'fancy=x'])).toContain('--reporter takes one of')
  })

  it('a conflicting combination exits 2 from the CLI before anything runs', async () => {
    const result = await runCli(['chapter-1', '--reporter', 'json', '--reporter', 'junit'], {cwd: passingGuide})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('only one report can go to standard output')
  })
})

describe('report files are checked before the run', () => {
  // The bundled chapter 7 runs chapters 1-6 first (minutes): a check made
  // after the run would time this test out; made before, nothing runs.
  const longRun = ['chapter-7', '--no-cache']

  it('-o into a missing folder exits 2 naming it, and runs nothing', async () => {
    const missing = path.join(scratch, 'no-such-folder', 'junit.xml')
    const result = await runCli([...longRun, '--reporter', 'junit', '-o', missing], {cwd: path.dirname(bundledGuide), env: ciEnv({XDG_CACHE_HOME: scratch})})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`the folder ${path.dirname(missing)} does not exist`)
    expect(result.stdout).toBe('')
    expect(existsSync(path.join(scratch, 'docs-verify'))).toBe(false)
  }, 20_000)

  it('=FILE naming a folder, a read-only folder and an unwritable job summary exit 2', async () => {
    const cwd = path.dirname(bundledGuide)
    const env = ciEnv({XDG_CACHE_HOME: scratch})
    const folder = await runCli([...longRun, '--reporter', `json=${scratch}`], {cwd, env})
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain(`--reporter json=${scratch}: ${scratch} is a folder`)
    if (process.getuid?.() !== 0) {
      const readOnly = await mkdtemp(path.join(scratch, 'read-only-'))
      await chmod(readOnly, 0o555)
      const denied = await runCli([...longRun, '--reporter', `junit=${path.join(readOnly, 'r.xml')}`], {cwd, env})
      expect(denied.code).toBe(2)
      expect(denied.stderr).toContain('is not writable')
    }
    const summary = await runCli(longRun, {cwd, env: ciEnv({XDG_CACHE_HOME: scratch, GITHUB_STEP_SUMMARY: path.join(scratch, 'gone', 'summary.md')})})
    expect(summary.code).toBe(2)
    expect(summary.stderr).toContain('GITHUB_STEP_SUMMARY: the folder')
    expect(summary.stdout).toBe('')
  }, 20_000)
})

describe('--dry-run --shard', () => {
  it('prints only the chapters of its shard; the shards together print each chapter once', async () => {
    const names = (await readdir(bundledGuide)).filter((name) => name.endsWith('.md')).sort()
    const guide = await makeGuide(await Promise.all(names.map(async (name) => ({name, text: await readFile(path.join(bundledGuide, name), 'utf8')}))))
    made.push(guide)
    const titled = (stdout: string): string[] => [...stdout.matchAll(/^Chapter \d+ - .*\((docs\/[^)]+)\)$/gm)].map((match) => match[1]!)
    const whole = await runCli(['all', '--dry-run'], {cwd: guide})
    const first = await runCli(['all', '--dry-run', '--shard', '1/2'], {cwd: guide})
    const second = await runCli(['all', '--dry-run', '--shard', '2/2'], {cwd: guide})
    for (const result of [whole, first, second]) expect(result.code, result.stderr).toBe(0)
    expect(titled(whole.stdout)).toHaveLength(names.length)
    expect(titled(first.stdout).length).toBeGreaterThan(0)
    expect(titled(second.stdout).length).toBeGreaterThan(0)
    expect([...titled(first.stdout), ...titled(second.stdout)].sort()).toEqual([...titled(whole.stdout)].sort())
    const json = await runCli(['all', '--dry-run', '--shard', '1/2', '--format', 'json'], {cwd: guide})
    const chapters = (JSON.parse(json.stdout) as {chapters: {file: string}[]}).chapters.map((chapter) => chapter.file)
    expect(chapters).toEqual(titled(first.stdout))
    expect((await runCli(['all', '--dry-run', '--shard', '3/2'], {cwd: guide})).code).toBe(2)
  }, 60_000)
})
