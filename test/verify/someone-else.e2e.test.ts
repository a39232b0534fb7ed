/**
 * Commands the prose gives to someone else ("Another member of your team
 * can easily clone the experiment") run in a directory of their own, not in
 * the learner's project. Real bash and git, a small guide written here.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {lineOf, makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const made: string[] = []
afterAll(async () => removeAll(made))

const fence = '```'
const run = (...lines: string[]): string[] => [`${fence}sh title="Execute the following command(s) in a terminal"`, ...lines, fence, '']
const text = [
  '# Chapter 1 - Share the experiment',
  '',
  ...run('mkdir project && cd project', 'git init --quiet -b main', 'echo "print(1)" > train.py', 'git add . && git commit --quiet -m "First"', 'git remote add origin "$DOCS_VERIFY_GIT_REMOTE"', 'git push --quiet -u origin main'),
  'Another member of your team can easily clone the experiment:',
  '',
  ...run('git clone --quiet "$DOCS_VERIFY_GIT_REMOTE" experiment-copy'),
  'They can then look at its history:',
  '',
  ...run('cd experiment-copy', 'git log --format=%s'),
  'The output should be similar to this:',
  '',
  `${fence}text`,
  'First',
  fence,
  '',
  'Back in your project, check that nothing changed:',
  '',
  ...run('pwd | sed "s|.*/||"', 'git status --short | wc -l'),
  'The output should be similar to this:',
  '',
  `${fence}text`,
  'project',
  '0',
  fence,
  ''
].join('\n')

describe('someone else\'s commands', () => {
  it('run in a directory of their own: the learner\'s project gets no nested repository, their own steps still chain', {timeout: 60_000}, async () => {
    const guide = await makeGuide([{name: 'chapter-1-share-the-experiment.md', text}])
    made.push(guide)
    const result = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide})
    const steps = parseReport(result).chapters[0]?.steps ?? []
    const clone = steps.find((step) => step.line === lineOf(text, 'git clone --quiet "$DOCS_VERIFY_GIT_REMOTE" experiment-copy') - 1)
    expect(clone?.status).toBe('passed')
    const failing = steps.filter((step) => step.status !== 'passed').map((step) => `${step.line} ${step.status}: ${step.message}`)
    expect(failing).toEqual([])
    expect(result.code).toBe(0)
  })

  it('without a clone of their own, work in a fresh clone of what the learner pushed, with the learner\'s tools and variables', {timeout: 60_000}, async () => {
    const shared = [
      '# Chapter 1 - Share the data',
      '',
      ...run('mkdir project && cd project', 'git init --quiet -b main', 'echo "v1" > data.txt', 'git add . && git commit --quiet -m "First"', 'git remote add origin "$DOCS_VERIFY_GIT_REMOTE"', 'git push --quiet -u origin main', 'export SHARED_NOTE=kept', 'echo "local only" > untracked.txt'),
      'When used by another member of the team, they can read the data with the following command:',
      '',
      ...run('cat data.txt', 'echo "$SHARED_NOTE"', 'test -e untracked.txt && echo present || echo absent'),
      'The output should be similar to this:',
      '',
      `${fence}text`,
      'v1',
      'kept',
      'absent',
      fence,
      ''
    ].join('\n')
    const guide = await makeGuide([{name: 'chapter-1-share-the-data.md', text: shared}])
    made.push(guide)
    const result = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide})
    const steps = parseReport(result).chapters[0]?.steps ?? []
    const failing = steps.filter((step) => step.status !== 'passed').map((step) => `${step.line} ${step.status}: ${step.message}`)
    expect(failing).toEqual([])
    expect(result.code).toBe(0)
  })
})
