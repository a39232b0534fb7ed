/**
 * A stand-in's `match` copied from the doc, placeholder and all
 * (`git clone <your git repository url>`), matches the command, as well as
 * a `match` written with the filled value does.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {makeGuide, removeAll, runCli} from '../cli/run-cli.js'

const made: string[] = []
afterAll(async () => removeAll(made))

const fence = '```'
const text = [
  '# Chapter 1 - Clone the repository',
  '',
  'Replace `<your git repository url>` with the URL of your repository:',
  '',
  `${fence}sh title="Execute the following command(s) in a terminal"`,
  'git clone <your git repository url>',
  fence,
  ''
].join('\n')

interface PlanJson {
  chapters: {variants: {steps: {kind: string; run: string; standIns: {original: string; replacement: string | null}[]}[]}[]}[]
}

async function planWith(match: string): Promise<PlanJson['chapters'][number]['variants'][number]['steps'][number] | undefined> {
  const guide = await makeGuide([{name: 'chapter-1-clone-the-repository.md', text}])
  made.push(guide)
  const standIns = [{match, run: 'git init --quiet my-repository', reason: 'no real repository offline'}]
  await writeFile(path.join(guide, 'docs-verify.config.json'), JSON.stringify({standIns}))
  const result = await runCli(['chapter-1', '--dry-run', '--format', 'json', '--set', 'your git repository url=https://example.com/me/repo.git'], {cwd: guide})
  expect(result.code).toBe(0)
  return (JSON.parse(result.stdout) as PlanJson).chapters[0]?.variants[0]?.steps.find((step) => step.kind === 'command')
}

describe('stand-in match', () => {
  it('copied from the doc, with the placeholder as written', async () => {
    const step = await planWith('git clone <your git repository url>')
    expect(step?.standIns).toHaveLength(1)
    expect(step?.run).toBe('git init --quiet my-repository')
  })

  it('written with the filled value', async () => {
    const step = await planWith('git clone https://example.com/me/repo.git')
    expect(step?.standIns).toHaveLength(1)
    expect(step?.run).toBe('git init --quiet my-repository')
  })

  it('matching neither leaves the command as the learner types it', async () => {
    const step = await planWith('git clone <another url>')
    expect(step?.standIns).toEqual([])
    expect(step?.run).toBe('git clone https://example.com/me/repo.git')
  })
})
