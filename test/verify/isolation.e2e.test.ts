import {existsSync} from 'node:fs'
import {chmod, mkdir, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {ciEnv, hashTree, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const chapterFile = fileURLToPath(new URL('../fixtures/verify/isolation/chapter-1-check-the-sandbox.md', import.meta.url))
const made: string[] = []
let guide: string
let home: string
let planted: NodeJS.ProcessEnv

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

beforeAll(async () => {
  guide = await makeGuide([{name: path.basename(chapterFile), text: await readFile(chapterFile, 'utf8')}])
  made.push(guide)
  home = await temp('dv-e2e-home-')
  await mkdir(path.join(home, '.config', 'gcloud'), {recursive: true})
  await writeFile(path.join(home, '.config', 'gcloud', 'credentials.db'), 'planted credentials\n')
  const credentials = {GOOGLE_APPLICATION_CREDENTIALS: '/planted/creds.json', AWS_ACCESS_KEY_ID: 'AKIAPLANTED', CLOUDSDK_CONFIG: '/planted'}
  planted = ciEnv({...credentials, HOME: home, XDG_CACHE_HOME: await temp('dv-e2e-cache-')})
  // Planted in process.env as well, so the test holds whichever environment
  // docs-verify reads. HOME and XDG_CACHE_HOME stay: the emulator lookup
  // reads them, and a wrongly started emulator would `go install` for minutes.
  for (const [name, value] of Object.entries(credentials)) vi.stubEnv(name, value)
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await removeAll(made)
})

describe('isolation through the CLI: planted credentials stay out, the guide stays as it was', () => {
  it('the chapter sees no planted variable or gcloud credentials, and the guide folder is byte-identical after the run', async () => {
    const before = await hashTree(guide)
    const result = await runCli(['chapter-1', '--no-cache', '--reporter', 'json'], {cwd: guide, env: planted})
    const report = parseReport(result)
    const chapter = report.chapters[0]
    const problems = chapter?.steps.filter((step) => step.status !== 'passed').map((step) => `${step.line} ${step.status}: ${step.message}`)
    expect(problems).toEqual([])
    expect(chapter?.steps.map((step) => step.kind)).toEqual(['command', 'command', 'expect', 'file', 'command', 'expect'])
    expect(chapter?.status).toBe('passed')
    expect(result.code).toBe(0)
    // notes.txt went to the sandbox, not beside the chapter.
    expect(await hashTree(guide)).toEqual(before)
    expect(existsSync(path.join(guide, 'notes.txt'))).toBe(false)
    expect(existsSync(path.join(guide, 'docs', 'notes.txt'))).toBe(false)
  }, 60_000)

  it('a leak would be caught: the same chapter fails where the planted file is readable (control)', async () => {
    // The chapter's own check, run in the caller's environment, must fail:
    // otherwise the test above proves nothing.
    const {execFile} = await import('node:child_process')
    const {promisify} = await import('node:util')
    const outcome = await promisify(execFile)('bash', ['-c', 'test ! -e ~/.config/gcloud/credentials.db && test -z "$AWS_ACCESS_KEY_ID"'], {env: planted}).then(
      () => 'passed',
      () => 'failed'
    )
    expect(outcome).toBe('failed')
  })

  it('main() runs with io.env: a tool on io.env PATH is found and snapshots go to io.env XDG_CACHE_HOME', async () => {
    const bin = await temp('dv-e2e-bin-')
    const tool = 'dv-e2e-only-on-io-path'
    await writeFile(path.join(bin, tool), '#!/bin/sh\necho from io.env\n')
    await chmod(path.join(bin, tool), 0o755)
    const cache = await temp('dv-e2e-io-cache-')
    const text = ['# Chapter 1 - Use a tool', '', '```sh title="Execute the following command(s) in a terminal"', `${tool}`, '```', ''].join('\n')
    const toolGuide = await makeGuide([{name: 'chapter-1-use-a-tool.md', text}])
    made.push(toolGuide)
    const result = await runCli(['chapter-1', '--reporter', 'json'], {
      cwd: toolGuide,
      env: ciEnv({PATH: `${bin}:${process.env.PATH ?? ''}`, XDG_CACHE_HOME: cache})
    })
    expect(parseReport(result).chapters[0]?.steps[0]?.message).toBeUndefined()
    expect(result.code).toBe(0)
    expect(await readdir(path.join(cache, 'docs-verify', 'snapshots'))).not.toEqual([])
  }, 60_000)
})
