/**
 * A chapter the planner refuses to read (containers nested past the limit)
 * is an input error naming its line, in a dry-run as in a run, and a lint
 * finding: never an empty plan that reads "no steps" and exits 0.
 * Nothing is run here; the run's side is test/verify/nothing-vacuous.e2e.test.ts.
 */
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {removeAll, runCli} from '../cli/run-cli.js'

let dir: string

/** Tabs nested `depth` deep around one command: level i's marker is on line 3 + 2i. */
function deepTabs(depth: number): string {
  const lines = ['# Chapter 1 - Deep', '']
  for (let level = 0; level < depth; level++) lines.push(`${'    '.repeat(level)}=== "T${level}"`, '')
  const indent = '    '.repeat(depth)
  lines.push(`${indent}\`\`\`sh title="Execute the following command(s) in a terminal"`, `${indent}echo hi`, `${indent}\`\`\``, '')
  return lines.join('\n')
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dv-unreadable-'))
  await writeFile(path.join(dir, 'deep.md'), deepTabs(100))
  await writeFile(path.join(dir, 'fine.md'), deepTabs(10))
})
afterAll(async () => removeAll([dir]))

describe('a chapter nested too deep to read', () => {
  it('--dry-run exits 2 naming the file, the line of the 65th level and what to do', async () => {
    const result = await runCli(['deep.md', '--dry-run'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('deep.md:131: tabs, admonitions or collapsibles nested more than 64 levels deep')
    expect(result.stderr).toContain('nest them less deeply')
    expect(result.stdout).not.toContain('no steps')
  })

  it('lint reports it as an error at that line', async () => {
    const result = await runCli(['lint', 'deep.md'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(result.stdout + result.stderr).toMatch(/deep\.md:131:1 error nesting-too-deep/)
  })

  it('ten levels still plan: the dry-run shows the command', async () => {
    const result = await runCli(['fine.md', '--dry-run'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('echo hi')
  })
})
