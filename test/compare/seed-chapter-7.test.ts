import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {compareOutput, renderExpectedUpdate} from '../../src/compare/index.js'
import {createRepo, requireGit, skipWithoutGit} from './real-git.js'
import type {Repo} from './real-git.js'

// The real chapter, read from the shared seeds (never copied here): its
// expected `git diff` has a stale index line and context lines without their
// leading space; its `git status` is indented with spaces.
const seed = fileURLToPath(new URL('../../../shared/seeds/chapter-7-move-the-ml-experiment-data-to-the-cloud.md', import.meta.url))
const hasSeed = existsSync(seed)
const skip = skipWithoutGit || (!hasSeed && process.env.CI !== 'true')

/** The body of the first fence opened by a line matching `opener` after the
 * line matching `after`, container indentation removed. */
function fenceBody(lines: string[], after: RegExp, opener: RegExp): {text: string; command: string} {
  const from = lines.findIndex((line) => after.test(line))
  const open = lines.findIndex((line, index) => index > from && opener.test(line))
  const indent = /^\s*/.exec(lines[open] ?? '')?.[0].length ?? 0
  const close = lines.findIndex((line, index) => index > open && line.trim() === '```')
  if (from === -1 || open === -1 || close === -1) {
    throw new Error(`${seed}: no fence matching ${opener} after ${after}; the seed changed, update this test`)
  }
  return {
    text: lines.slice(open + 1, close).map((line) => line.slice(indent)).join('\n'),
    command: lines[from]?.trim() ?? ''
  }
}

describe.skipIf(skip)('seed chapter 7: expected git output against real git', () => {
  let repo: Repo
  let lines: string[] = []
  let expectedDiff = ''
  let expectedStatus = ''
  let diff = ''
  let status = ''

  beforeAll(() => {
    if (!hasSeed) throw new Error(`missing seed ${seed}: test/compare needs ../shared/seeds next to the repository`)
    requireGit()
    lines = readFileSync(seed, 'utf8').split('\n')
    const requirements = fenceBody(lines, /Install the DVC Storage plugin/, /title="requirements.txt"/).text
    expectedDiff = fenceBody(lines, /^\s*git diff requirements\.txt$/, /^\s*```diff$/).text
    expectedStatus = fenceBody(lines, /output of the `git status` command/, /^\s*```text$/).text
    // The file before the change is what the doc's diff removes and keeps.
    const before = expectedDiff
      .split('\n')
      .slice(expectedDiff.split('\n').findIndex((line) => line.startsWith('@@')) + 1)
      .filter((line) => !line.startsWith('+'))
      .map((line) => line.replace(/^[- ]/, ''))
      .join('\n')

    repo = createRepo()
    repo.write('requirements.txt', `${before}\n`)
    repo.write('requirements-freeze.txt', `${before}\n`)
    repo.write('.dvc/config', '')
    repo.git('add', '.')
    repo.git('commit', '--quiet', '-m', 'Chapter 6')
    repo.write('requirements.txt', `${requirements}\n`)
    diff = repo.git('diff', 'requirements.txt')
    repo.write('requirements-freeze.txt', `${requirements}\nextra==1.0\n`)
    repo.write('.dvc/config', "[core]\n    remote = data\n['remote \"data\"']\n    url = gs://bucket/dvcstore\n")
    repo.git('add', '.')
    status = repo.git('status')
  })

  afterAll(() => repo?.remove())

  test('the expected diff is "similar to" what git prints', () => {
    expect(expectedDiff).toMatch(/^index [0-9a-f]+\.\.[0-9a-f]+/m)
    const result = compareOutput(expectedDiff, diff, {command: 'git diff requirements.txt', lang: 'diff'})
    expect(result.mismatches).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toEqual(
      expect.arrayContaining(['stale-index-line', 'context-without-leading-space'])
    )
    // Masked and with context spaces restored, the report's diff is empty.
    expect(result.diff).toBe('')
  })

  test('a version drift in the doc is caught at its line', () => {
    const drifted = expectedDiff.replace(/^\+(.*)==(\d+)\.(\d+)\.(\d+)$/m, (_, name: string, major: string, minor: string, patch: string) =>
      `+${name}==${major}.${Number(minor) + 20}.${patch}`
    )
    const result = compareOutput(drifted, diff, {command: 'git diff requirements.txt'})
    expect(result.ok).toBe(false)
    expect(result.mismatches[0]?.message).toMatch(/^git diff requirements\.txt: expected line `\+.*`, git printed `\+.*`$/)
    expect(result.mismatches[0]?.expectedLine).toBe(expectedDiff.split('\n').findIndex((line) => line.startsWith('+dvc')) + 1)
  })

  test('the expected git status is "similar to" what git prints', () => {
    // The whole command block: its last command (`git status`) decides.
    const command = fenceBody(lines, /^### Check the changes/, /^```sh/).text
    expect(command).toMatch(/^git add \.$/m)
    const result = compareOutput(expectedStatus, status, {command})
    expect(result.kind).toBe('git-status')
    expect(result.mismatches).toEqual([])
    expect(result.ok).toBe(true)
  })

  test('each expected block compares equal to itself and updates to itself', () => {
    for (const [block, command] of [
      [expectedDiff, 'git diff requirements.txt'],
      [expectedStatus, 'git status']
    ] as const) {
      const result = compareOutput(block, block, {command, policy: {extraLines: 'fail'}})
      expect(result.ok).toBe(true)
      expect(renderExpectedUpdate(block, block, {command})).toBe(block)
    }
  })

  test('an update keeps the doc as it is where only volatile parts differ', () => {
    const updated = renderExpectedUpdate(expectedDiff, diff, {command: 'git diff requirements.txt'})
    // The stale index line stays; the context lines get their leading space.
    expect(updated.split('\n')[1]).toBe(expectedDiff.split('\n')[1])
    expect(updated.split('\n').filter((line) => line.startsWith(' ')).length).toBe(3)
    expect(renderExpectedUpdate(expectedStatus, status, {command: 'git status'})).toBe(expectedStatus)
  })
})
