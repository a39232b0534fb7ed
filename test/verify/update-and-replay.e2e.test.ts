/**
 * `--update` and `--step` end to end, on a copy of bundled chapter 1 (the
 * repository's docs are never touched): three expected outputs made wrong,
 * the last one moved inside a content tab.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundledChapter, ciEnv, makeGuide, parseReport, removeAll, replaceOnce, runCli} from '../cli/run-cli.js'

const made: string[] = []
let original: string
let broken: string

/** Put the last command and its expected output inside a `=== "Linux"` tab. */
function intoTab(text: string): string {
  const start = text.indexOf('```sh title="Execute the following command(s) in a terminal"\n# Show the metrics')
  const end = text.indexOf('## Summary')
  const body = text
    .slice(start, end)
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n')
  return `${text.slice(0, start)}=== ":simple-linux: Linux"\n\n${body}\n\n${text.slice(end)}`
}

beforeAll(async () => {
  original = intoTab((await bundledChapter(1)).text)
  broken = replaceOnce(original, 'Wrote 200 rows to data/raw/measurements.csv', 'Wrote 180 rows to data/raw/measurements.csv')
  broken = replaceOnce(broken, 'Trained for 5 epochs on 150 rows', 'Trained for 3 epochs on 150 rows')
  broken = replaceOnce(broken, '      "accuracy": 0.88', '      "accuracy": 0.75')
})

afterAll(async () => removeAll(made))

describe('--update', () => {
  it('rewrites exactly the three wrong expected blocks (one inside a tab), atomically, and the chapter then passes', {timeout: 180_000}, async () => {
    const name = 'chapter-1-run-a-simple-ml-experiment.md'
    const guide = await makeGuide([{name, text: broken}])
    made.push(guide)
    const file = path.join(guide, 'docs', name)

    const failing = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide})
    expect(failing.code).toBe(1)
    expect(parseReport(failing).chapters[0]?.steps.filter((step) => step.status === 'failed')).toHaveLength(3)

    const updated = await runCli(['chapter-1', '--update', '--reporter', 'json'], {cwd: guide})
    expect(updated.stderr).toContain('updated 3 expected outputs')
    // Re-checked after the rewrite: the run passes.
    expect(updated.stderr).toContain('updated 3 blocks')
    expect(parseReport(updated).chapters[0]?.status).toBe('passed')
    expect(updated.code).toBe(0)
    const after = await readFile(file, 'utf8')
    // Every byte outside the three blocks is as it was; the blocks hold what
    // the commands printed, the tab's indentation kept.
    expect(after).toBe(original)

    const passing = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide, env: ciEnv()})
    expect(passing.code).toBe(0)
  })
})

describe('--step, the learner\'s replay', () => {
  it('shows each command with its values and the expected output beside the real one', {timeout: 180_000}, async () => {
    const name = 'chapter-1-run-a-simple-ml-experiment.md'
    const guide = await makeGuide([{name, text: original}])
    made.push(guide)
    const result = await runCli(['chapter-1', '--step', '--no-cache'], {cwd: guide})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('$ python3 src/make_dataset.py')
    expect(result.stdout).toContain('the doc shows')
    expect(result.stdout).toMatch(/Wrote 200 rows to data\/raw\/measurements\.csv\s+ Wrote 200 rows/)
    const kept = /sandbox kept at (\S+)/.exec(result.stderr)?.[1]
    expect(kept).toBeDefined()
    made.push(kept!)
  })
})
