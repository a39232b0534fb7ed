import {execFile} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, chapterFiles, makeGuide, removeAll, runCli} from './run-cli.js'

const run = promisify(execFile)

let guide: string
const made: string[] = []

beforeAll(async () => {
  guide = await makeGuide([await bundledChapter(1), await bundledChapter(2)])
  made.push(guide)
})

afterAll(async () => {
  await removeAll(made)
})

interface PlanStep {
  id: string
  file: string
  line: number
  kind: string
  tabs: unknown
  title?: string
  text: string
  run: string
}

describe('docs-verify CLI conventions (in-process main, not a TTY, CI=true)', () => {
  it('--help exits 0 and names the commands', async () => {
    const result = await runCli(['--help'], {cwd: guide})
    expect(result.code).toBe(0)
    for (const command of ['docs-verify <chapter>', 'docs-verify all', 'docs-verify list', 'docs-verify lint', '--dry-run', '--reporter']) {
      expect(result.stdout).toContain(command)
    }
    expect(result.stderr).toBe('')
  })

  it('an unknown flag exits 2 with a message naming it', async () => {
    const result = await runCli(['chapter-1', '--frobnicate'], {cwd: guide})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--frobnicate')
    expect(result.stdout).toBe('')
  })

  it('an unknown --reporter exits 2 naming the allowed ones', async () => {
    const result = await runCli(['chapter-1', '--reporter', 'fancy'], {cwd: guide})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--reporter takes one of auto, plain, json, junit, github')
    expect(result.stderr).toContain('fancy')
  })

  it('an unknown chapter exits 2 and lists the candidates', async () => {
    const result = await runCli(['chapter-9', '--dry-run'], {cwd: guide})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('chapter-9')
    expect(result.stderr).toContain(chapterFiles[1].replace(/\.md$/, ''))
    expect(result.stderr).toContain(chapterFiles[2].replace(/\.md$/, ''))
  })

  it('--format json without --dry-run exits 2 and says to add --dry-run', async () => {
    const result = await runCli(['chapter-1', '--format', 'json'], {cwd: guide})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--dry-run')
    expect(result.stdout).toBe('')
  })

  it('list names the temporary guide\'s chapters with their step counts', async () => {
    const result = await runCli(['list'], {cwd: guide})
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    const first = lines.findIndex((line) => line.startsWith('chapter-1 '))
    const second = lines.findIndex((line) => line.startsWith('chapter-2 '))
    expect(first).toBeGreaterThanOrEqual(0)
    expect(second).toBeGreaterThan(first)
    // Paths are shown relative to where the user runs docs-verify.
    expect(lines[first]).toContain(`docs/${chapterFiles[1]}`)
    // Chapter 1: mkdir/cd, venv, make_dataset, the three steps, cat metrics;
    // six files; three expected outputs.
    expect(result.stdout).toMatch(/5 commands, 6 files, 3 expected outputs/)
  })

  it('--dry-run --format json prints a plan whose steps have file, line, kind, tabs, title and text', async () => {
    const result = await runCli(['chapter-2', '--dry-run', '--format', 'json'], {cwd: guide})
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.stdout) as {tool: string; chapters: {file: string; variants: {steps: PlanStep[]}[]}[]}
    expect(plan.tool).toBe('docs-verify')
    const chapter = plan.chapters[0]!
    expect(chapter.file).toBe(`docs/${chapterFiles[2]}`)
    const steps = chapter.variants[0]!.steps
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      expect(step).toHaveProperty('file')
      expect(step).toHaveProperty('line')
      expect(step).toHaveProperty('kind')
      expect(step).toHaveProperty('tabs')
      expect(step).toHaveProperty('text')
    }
    const byLine = new Map(steps.map((step) => [step.line, step]))
    expect(byLine.get(22)).toMatchObject({kind: 'command', title: 'Execute the following command(s) in a terminal'})
    expect(byLine.get(22)?.text).toContain('git init -b main')
    expect(byLine.get(33)).toMatchObject({kind: 'file', title: '.gitignore'})
    expect(byLine.get(57)).toMatchObject({kind: 'expect'})
    expect(byLine.get(57)?.text).toContain('new file:   params.yaml')
  })

  it('--dry-run --format sh prints a bash script that bash -n accepts', async () => {
    const result = await runCli(['chapter-1', '--dry-run', '--format', 'sh'], {cwd: guide})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('python3 -m venv .venv')
    expect(result.stdout).toContain('src/params.py')
    const script = path.join(os.tmpdir(), `dv-e2e-plan-${process.pid}.sh`)
    await writeFile(script, result.stdout)
    try {
      await expect(run('bash', ['-n', script])).resolves.toBeDefined()
    } finally {
      await removeAll([script])
    }
  })
})
