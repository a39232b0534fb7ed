/**
 * Bundled chapter 7 with `--gcs container`: fake-gcs-server runs in a real
 * Docker engine, started through @testcontainers/gcloud on the host's
 * network, from the image scripts/build-fake-gcs-server-image.sh builds
 * locally (no registry answers here, so testcontainers' reaper is off and
 * docs-verify stops the container itself). Chapters 1-6 run first in the
 * same chain, with the real gcloud, DVC and git.
 */
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readdir, rm, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {FAKE_GCS_SERVER_IMAGE} from '../../src/cloud/index.js'
import {bundledGuide, ciEnv, makeGuide, parseReport, runCli} from '../cli/run-cli.js'
import {dockerEngineMissing, gcsContainers, inCi} from '../cloud/docker-engine.js'

const tools = ['gcloud', 'git', 'python3'].filter((tool) => {
  try {
    execFileSync('bash', ['-c', `command -v ${tool}`], {stdio: 'ignore'})
    return false
  } catch {
    return true
  }
})
if (tools.length > 0 && inCi) throw new Error(`CI=true: chapter 7 end to end needs ${tools.join(', ')} on PATH`)
const missing = tools.length > 0 ? `missing ${tools.join(', ')}` : dockerEngineMissing()

const sharedCache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docs-verify')
const made: string[] = []
let cache: string

beforeAll(async () => {
  // docs-verify turns testcontainers' reaper off itself (no registry
  // answers here for its image): the test runs as a user would.
  delete process.env.TESTCONTAINERS_RYUK_DISABLED
  cache = await mkdtemp(path.join(os.tmpdir(), 'dv-container-cache-'))
  made.push(cache)
  await mkdir(path.join(cache, 'docs-verify'))
  // Downloads (pip) are reused from the user's cache; snapshots are not.
  await mkdir(path.join(sharedCache, 'pip'), {recursive: true})
  await symlink(path.join(sharedCache, 'pip'), path.join(cache, 'docs-verify', 'pip'))
})

afterAll(async () => {
  for (const dir of made) if (existsSync(dir)) await rm(dir, {recursive: true, force: true})
})

describe.skipIf(missing !== null)('bundled chapter 7 with --gcs container (real Docker engine)', () => {
  it('passes end to end against fake-gcs-server in a container, and leaves no container behind', {timeout: 900_000}, async () => {
    expect(gcsContainers()).toEqual([])
    const names = (await readdir(bundledGuide)).filter((name) => /^chapter-\d+-.*\.md$/.test(name))
    const guide = await makeGuide(await Promise.all(names.map(async (name) => ({name, text: await readFile(path.join(bundledGuide, name), 'utf8')}))))
    made.push(guide)

    const result = await runCli(['chapter-7', '--reporter', 'json', '--gcs', 'container'], {cwd: guide, env: ciEnv({XDG_CACHE_HOME: cache})})

    const report = parseReport(result)
    const chapter7 = report.chapters.find((chapter) => chapter.slug === 'chapter-7')
    expect(chapter7, result.stderr).toBeDefined()
    expect(chapter7!.status, JSON.stringify(chapter7, null, 2)).toBe('passed')
    const notPassed = report.chapters.filter((chapter) => !['passed', 'restored'].includes(chapter.status))
    expect(result.code, JSON.stringify(notPassed, null, 2) + result.stderr.slice(-3000)).toBe(0)
    expect(result.stderr).toContain(`starting container ${FAKE_GCS_SERVER_IMAGE}`)
    expect(result.stderr).not.toMatch(/using the binary/)
    const checks = Object.fromEntries(chapter7!.checks.map((check) => [check.name, check.status]))
    expect(checks['bucket exists']).toBe('passed')
    expect(checks['data pushed to the bucket']).toBe('passed')
    expect(gcsContainers()).toEqual([])
  })
})
