/**
 * Directory trees are checked: every file and folder a tree block names is
 * in the learner's working directory. Real bash, a small guide written here.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {lineOf, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const made: string[] = []
afterAll(async () => removeAll(made))

const fence = '```'
function chapter(tree: string[]): string {
  return [
    '# Chapter 1 - Lay out the project',
    '',
    `${fence}sh title="Execute the following command(s) in a terminal"`,
    'mkdir -p data/raw src',
    'touch data/raw/points.csv src/train.py params.yaml',
    fence,
    '',
    'Your working directory should now look like this:',
    '',
    `${fence}text`,
    ...tree,
    fence,
    ''
  ].join('\n')
}

async function verify(text: string): Promise<{code: number; steps: {kind: string; line: number; status: string; message?: string}[]}> {
  const guide = await makeGuide([{name: 'chapter-1-lay-out-the-project.md', text}])
  made.push(guide)
  const result = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide})
  return {code: result.code, steps: parseReport(result).chapters[0]?.steps ?? []}
}

describe('a directory tree block', () => {
  const good = ['.', '├── data', '│   └── raw', '│       └── points.csv', '├── src', '│   └── train.py', '└── params.yaml']

  it('passes when every file and folder it names is there', {timeout: 60_000}, async () => {
    const text = chapter(good)
    const {code, steps} = await verify(text)
    const tree = steps.find((step) => step.kind === 'expect')
    expect(tree).toMatchObject({line: lineOf(text, '.') - 1, status: 'passed'})
    expect(code).toBe(0)
  })

  it('fails at the line of a file that is not there, naming it', {timeout: 60_000}, async () => {
    const text = chapter([...good.slice(0, -1), '├── params.yaml', '└── evaluation.json'])
    const {code, steps} = await verify(text)
    const tree = steps.find((step) => step.kind === 'expect')
    expect(tree?.status).toBe('failed')
    expect(tree?.message).toContain(`line ${lineOf(text, '└── evaluation.json')}: \`evaluation.json\` is not in the working directory`)
    expect(code).toBe(1)
  })

  it('fails when a folder it shows is a file', {timeout: 60_000}, async () => {
    const text = chapter(['.', '├── params.yaml', '│   └── seed.txt', '└── src'])
    const {code, steps} = await verify(text)
    const tree = steps.find((step) => step.kind === 'expect')
    expect(tree?.status).toBe('failed')
    expect(tree?.message).toContain('`params.yaml` is a file, the tree shows a folder')
    expect(code).toBe(1)
  })
})
