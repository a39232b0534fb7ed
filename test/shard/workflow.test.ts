import fs from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {parseShard} from '../../src/shard/index.js'

const workflowUrl = new URL('../../.github/workflows/docs-verify.yml', import.meta.url)

interface Workflow {
  jobs: Record<string, {strategy?: {matrix?: {shard?: number[]}}; steps: {run?: string; uses?: string}[]}>
}

describe('docs-verify workflow', () => {
  it('shards the guide into 1..n, each a valid --shard, and runs the tests', async () => {
    const workflow = parse(await fs.readFile(workflowUrl, 'utf8')) as Workflow
    const guide = workflow.jobs.guide!
    const shards = guide.strategy!.matrix!.shard!
    const run = guide.steps.find((step) => step.run?.includes('docs-verify all'))!.run!
    const count = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(run)![1])
    expect(shards).toEqual(Array.from({length: count}, (_v, i) => i + 1))
    for (const index of shards) expect(parseShard(`${index}/${count}`).ok).toBe(true)
    expect(run).toContain('--reporter junit')
    expect(guide.steps.some((step) => step.uses?.startsWith('actions/upload-artifact'))).toBe(true)
    expect(guide.steps.some((step) => step.uses?.startsWith('actions/cache'))).toBe(true)
    expect(workflow.jobs.test!.steps.some((step) => step.run === './dev npm test')).toBe(true)
  })
})
