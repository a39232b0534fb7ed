// The example configuration of the acceptance run (docs/examples) planned
// against the real seed guide, so the example cannot rot: it loads without
// a diagnostic, and every stand-in it declares rewrites a command of the
// chain chapters 1-7 (a `match` that matches nothing would silently let
// `wget github.com` run on an offline machine).
import {existsSync} from 'node:fs'
import {mkdtemp} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/index.js'
import {ciEnv, removeAll, repoRoot, requireInput, runCli, seedsDir} from '../cli/run-cli.js'

const guide = path.join(seedsDir, 'a-guide-to-mlops-6f332358')
const example = path.join(repoRoot, 'docs', 'examples', 'a-guide-to-mlops.config.yaml')
const present = requireInput(`the seed guide ${guide} (../shared/seeds beside the checkout)`, existsSync(path.join(guide, 'mkdocs.yml')))
let cwd: string

beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'dv-example-config-'))
})

afterAll(async () => {
  await removeAll([cwd])
})

interface PlannedStep {
  line: number
  standIns?: {original: string; replacement: string | null}[]
}

interface Plan {
  chapters: {slug: string; variants: {id: string; steps: PlannedStep[]}[]}[]
}

describe.runIf(present)('docs/examples/a-guide-to-mlops.config.yaml on the seed guide', () => {
  it('loads without a diagnostic', async () => {
    const loaded = await loadConfig(example)
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.config.standIns?.length).toBeGreaterThan(0)
  })

  it('every stand-in rewrites a command of chapters 1-7, and no wget to GitHub is left to run', async () => {
    const loaded = await loadConfig(example)
    const result = await runCli(['chapter-1..chapter-7', '--guide', guide, '--config', example, '--dry-run', '--format', 'json'], {cwd, env: ciEnv()})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.stdout) as Plan
    expect(plan.chapters.map((chapter) => chapter.slug)).toEqual(expect.arrayContaining(['chapter-1', 'chapter-2', 'chapter-7']))
    const applied = plan.chapters.flatMap((chapter) =>
      chapter.variants.flatMap((variant) => variant.steps.flatMap((step) => (step.standIns ?? []).map((standIn) => standIn.original.trim())))
    )
    for (const standIn of loaded.config.standIns ?? []) {
      expect(applied, `stand-in "${standIn.match}" matches no command of chapters 1-7`).toContain(standIn.match)
    }
    const runs = plan.chapters.flatMap((chapter) => chapter.variants.flatMap((variant) => variant.steps.map((step) => (step as {run?: string}).run ?? '')))
    expect(runs.filter((run) => /\bwget\b.*github\.com/.test(run))).toEqual([])
  })
})
