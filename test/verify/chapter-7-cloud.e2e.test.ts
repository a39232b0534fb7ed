/**
 * Bundled chapter 7 end to end with the real stand-ins: a real
 * fake-gcs-server (binary backend: no Docker here), the real gcloud, real
 * DVC installed from PyPI by the chapter itself, and real git; then one
 * copy that forgets `dvc push`: every command succeeds, so only the cloud
 * effect check can make the verdict red, which proves the check is wired
 * into the run and its exit code. The check's other branches (bucket name
 * rules, a remote into another bucket, a missing or empty bucket, partial
 * pushes, credentials) are tested against a real fake-gcs-server in
 * test/cloud/cloud-effects.e2e.test.ts, without running the chapters.
 *
 * Chapters 1-6 run once (cold) and are restored from the snapshot cache for
 * the later runs, which all use one throwaway cache folder (the pip cache
 * and fake-gcs-server are shared with the user's, so downloads are reused).
 */
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readdir, rm, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledGuide, ciEnv, makeGuide, parseReport, replaceOnce, runCli} from '../cli/run-cli.js'
import type {GuidePage, JsonReport} from '../cli/run-cli.js'

const tools = ['gcloud', 'git', 'python3', 'go']
const missing = tools.filter((tool) => {
  try {
    execFileSync('bash', ['-c', `command -v ${tool}`], {stdio: 'ignore'})
    return false
  } catch {
    return true
  }
})
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`chapter 7 end to end needs ${missing.join(', ')} on PATH`)

const sharedCache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docs-verify')
let cache: string
let chapters: GuidePage[]
const made: string[] = []

async function chapterPages(): Promise<GuidePage[]> {
  const names = (await readdir(bundledGuide)).filter((name) => /^chapter-\d+-.*\.md$/.test(name)).sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))
  return Promise.all(names.map(async (name) => ({name, text: await readFile(path.join(bundledGuide, name), 'utf8')})))
}

async function verifyChapter7(change?: (text: string) => string): Promise<{code: number; report: JsonReport; chapter7: JsonReport['chapters'][number]; text: string; stderr: string}> {
  const pages = chapters.map((page) => (page.name.startsWith('chapter-7-') && change ? {...page, text: change(page.text)} : page))
  const guide = await makeGuide(pages)
  made.push(guide)
  const result = await runCli(['chapter-7', '--reporter', 'json', '--gcs', 'binary'], {cwd: guide, env: ciEnv({XDG_CACHE_HOME: cache})})
  const report = parseReport(result)
  const chapter7 = report.chapters.find((chapter) => chapter.slug === 'chapter-7')
  if (!chapter7) throw new Error(`no chapter 7 in the report:\n${result.stdout}\n${result.stderr}`)
  return {code: result.code, report, chapter7, text: pages.find((page) => page.name.startsWith('chapter-7-'))!.text, stderr: result.stderr}
}

beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-cache-'))
  await mkdir(path.join(cache, 'docs-verify'))
  for (const shared of ['pip', 'bin']) {
    await mkdir(path.join(sharedCache, shared), {recursive: true})
    await symlink(path.join(sharedCache, shared), path.join(cache, 'docs-verify', shared))
  }
  chapters = await chapterPages()
})

afterAll(async () => {
  for (const dir of [...made, cache]) if (dir && existsSync(dir)) await rm(dir, {recursive: true, force: true})
})

describe.skipIf(missing.length > 0)('bundled chapter 7 with real fake-gcs-server, gcloud, DVC and git', () => {
  it('passes end to end, and the bucket really holds the pushed data', {timeout: 900_000}, async () => {
    const {code, chapter7, stderr} = await verifyChapter7()
    expect(stderr).toContain('fake-gcs-server')
    expect(chapter7.status, JSON.stringify(chapter7, null, 2)).toBe('passed')
    expect(code).toBe(0)
    const checks = Object.fromEntries(chapter7.checks.map((check) => [check.name, check]))
    expect(checks['bucket exists']?.status).toBe('passed')
    expect(checks['data pushed to the bucket']?.status).toBe('passed')
    expect(checks["git remote has the chapter's commit"]?.status).toBe('passed')
    const standIn = chapter7.steps.find((step) => step.status === 'stood-in')
    expect(standIn?.message).toContain('gcloud auth application-default login')
  })

  it('a chapter that forgets `dvc push` fails: the data never reaches the bucket', {timeout: 600_000}, async () => {
    const {code, chapter7} = await verifyChapter7((chapter) => replaceOnce(chapter, 'dvc push\n', 'true\n'))
    expect(code).toBe(1)
    const check = chapter7.checks.find((entry) => entry.name === 'data pushed to the bucket')
    expect(check?.status).toBe('failed')
    expect(check?.message).toContain('never runs `dvc push`')
  })
})
