/**
 * The real upstream chapter "Move the ML experiment data to the cloud"
 * (../shared/seeds), defects included, run against a configured starting
 * state with the real stand-ins: every check passes, and its defects are
 * left to `docs-verify lint` (conflict markers inside a tab that the
 * extractor reads as the author meant).
 */
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rm, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {ciEnv, parseReport, requireInput, runCli, seedsDir} from '../cli/run-cli.js'

const seed = path.join(seedsDir, 'chapter-7-move-the-ml-experiment-data-to-the-cloud.md')
const config = fileURLToPath(new URL('../fixtures/verify/data-seed/docs-verify.config.yaml', import.meta.url))
const present = requireInput(seed, existsSync(seed))
const made: string[] = []

afterAll(async () => {
  for (const dir of made) await rm(dir, {recursive: true, force: true})
})

describe.skipIf(!present)('the data seed chapter with a configured starting state', () => {
  it('passes every step and check: the bucket is created, DVC pushes to it, git pushes the commit', {timeout: 900_000}, async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'dv-seed-'))
    const cache = await mkdtemp(path.join(os.tmpdir(), 'dv-seed-cache-'))
    made.push(cwd, cache)
    const shared = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docs-verify')
    await mkdir(path.join(cache, 'docs-verify'))
    for (const name of ['pip', 'bin']) {
      await mkdir(path.join(shared, name), {recursive: true})
      await symlink(path.join(shared, name), path.join(cache, 'docs-verify', name))
    }
    const result = await runCli([seed, '--config', config, '--reporter', 'json', '--gcs', 'binary', '--no-cache'], {cwd, env: ciEnv({XDG_CACHE_HOME: cache})})
    const report = parseReport(result)
    const [chapter] = report.chapters
    const problems = (chapter?.steps ?? []).filter((step) => !['passed', 'stood-in'].includes(step.status))
    expect(problems, JSON.stringify(problems, null, 2)).toEqual([])
    expect(chapter?.checks.map((check) => [check.name, check.status])).toEqual([
      ["git remote has the chapter's commit", 'passed'],
      ['bucket exists', 'passed'],
      ['data pushed to the bucket', 'passed']
    ])
    const expects = chapter!.steps.filter((step) => step.kind === 'expect').map((step) => [step.line, step.status])
    expect(expects).toEqual([
      [333, 'passed'],
      [422, 'passed']
    ])
    const stoodIn = chapter!.steps.filter((step) => step.status === 'stood-in').map((step) => step.line)
    expect(stoodIn).toEqual([110, 170, 358])
    expect(result.code).toBe(0)
  })
})
