import {existsSync} from 'node:fs'
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ciEnv, hashTree, parseReport, removeAll, requireInput, runCli, seedsDir} from '../cli/run-cli.js'

const seed = path.join(seedsDir, 'chapter-7-move-the-ml-experiment-code-to-the-cloud.md')
const config = fileURLToPath(new URL('../fixtures/verify/code-seed/docs-verify.config.json', import.meta.url))
const copyConfig = fileURLToPath(new URL('../fixtures/verify/code-seed-copy/docs-verify.config.json', import.meta.url))
const present = requireInput(`the seed chapter ${seed} (../shared/seeds beside the checkout)`, existsSync(seed))
let cwd: string
let cache: string

beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-seed-'))
  cache = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-cache-'))
})

afterAll(async () => {
  await removeAll([cwd, cache])
})

describe.runIf(present)('the seed "Move the ML experiment code to the cloud" from a configured starting state', () => {
  it('runs after setup.script made a repository with a commit on main, pushes to the sandbox remote, and passes', async () => {
    const seedsBefore = await hashTree(seedsDir)
    const result = await runCli([seed, '--config', config, '--no-cache', '--reporter', 'json'], {cwd, env: ciEnv({XDG_CACHE_HOME: cache})})
    const report = parseReport(result)
    expect(report.chapters.length).toBeGreaterThan(0)
    for (const chapter of report.chapters) {
      const problems = chapter.steps.filter((step) => step.status === 'failed' || step.status === 'timed-out').map((step) => `${step.line}: ${step.message}`)
      expect({variant: chapter.variant, status: chapter.status, message: chapter.message, problems}).toEqual({
        variant: chapter.variant,
        status: 'passed',
        message: undefined,
        problems: []
      })
      // `git remote add origin <your git repository url>` got the sandbox's bare repository.
      const remoteAdd = chapter.steps.find((step) => step.command?.includes('git remote add origin'))
      expect(remoteAdd?.command).not.toContain('<your git repository url>')
      expect(remoteAdd?.command).toMatch(/git remote add origin \S*(?:origin\.git|DOCS_VERIFY_GIT_REMOTE)/)
      const check = chapter.checks.find((current) => current.name === "git remote has the chapter's commit")
      expect(check).toMatchObject({status: 'passed', line: 103})
      expect(check?.message).toMatch(/origin \(\S*origin\.git\) has main at [0-9a-f]{7}/)
    }
    expect(result.code).toBe(0)
    expect(await hashTree(seedsDir)).toEqual(seedsBefore)
  }, 120_000)

  it('starts from setup.copyDir (relative to the config file) committed by setup.script, and passes', async () => {
    const fixture = path.dirname(copyConfig)
    const fixtureBefore = await hashTree(fixture)
    const result = await runCli([seed, '--config', copyConfig, '--no-cache', '--reporter', 'json'], {cwd, env: ciEnv({XDG_CACHE_HOME: cache})})
    const report = parseReport(result)
    expect(report.chapters.map((chapter) => [chapter.status, chapter.message])).toEqual(report.chapters.map(() => ['passed', undefined]))
    expect(report.chapters[0]?.checks.map((check) => [check.name, check.status])).toEqual([["git remote has the chapter's commit", 'passed']])
    expect(result.code).toBe(0)
    // The copy went to the sandbox; the fixture folder is untouched.
    expect(await hashTree(fixture)).toEqual(fixtureBefore)
  }, 120_000)

  it('a setup.script that fails is reported as a chapter error naming the failing script line, exit 1', async () => {
    const broken = path.join(cwd, 'docs-verify.config.json')
    await writeFile(broken, JSON.stringify({setup: {script: 'git init --quiet -b main\nfalse-command-dv-e2e'}}))
    const result = await runCli([seed, '--config', broken, '--no-cache', '--reporter', 'json'], {cwd, env: ciEnv({XDG_CACHE_HOME: cache})})
    const [chapter] = parseReport(result).chapters
    expect(chapter?.status).toBe('error')
    expect(chapter?.message).toContain('setup.script')
    expect(chapter?.message).toContain('line 2 (`false-command-dv-e2e`)')
    expect(result.code).toBe(1)
  }, 60_000)
})
