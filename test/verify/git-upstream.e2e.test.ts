/**
 * Effects follow the real upstream: after `git push`, the check reads the
 * remote the branch was pushed to (its configured upstream), not the
 * sandbox's own bare repository. Real bash and git.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {makeGuide, parseReport, removeAll, runCli} from '../cli/run-cli.js'

const made: string[] = []
afterAll(async () => removeAll(made))

const fence = '```'
const run = (...lines: string[]): string[] => [`${fence}sh title="Execute the following command(s) in a terminal"`, ...lines, fence, '']
function chapter(after: string[] = []): string {
  return [
    '# Chapter 1 - Push elsewhere',
    '',
    ...run('git init --quiet --bare "$HOME/elsewhere.git"', 'mkdir project && cd project', 'git init --quiet -b main', 'echo "print(1)" > train.py', 'git add . && git commit --quiet -m "First"'),
    ...run('git remote add origin "$HOME/elsewhere.git"', 'git push --quiet -u origin main'),
    ...after
  ].join('\n')
}

async function verify(text: string): Promise<{code: number; checks: {name: string; status: string; message: string}[]}> {
  const guide = await makeGuide([{name: 'chapter-1-push-elsewhere.md', text}])
  made.push(guide)
  const result = await runCli(['chapter-1', '--reporter', 'json', '--no-cache'], {cwd: guide})
  return {code: result.code, checks: parseReport(result).chapters[0]?.checks ?? []}
}

describe('the git push check', () => {
  it('passes when the push to the branch\'s upstream (another path) worked', {timeout: 60_000}, async () => {
    const {code, checks} = await verify(chapter())
    const check = checks.find((entry) => entry.name === 'git remote has the chapter\'s commit')
    expect(check?.status).toBe('passed')
    expect(check?.message).toContain('elsewhere.git')
    expect(code).toBe(0)
  })

  it('fails, on that upstream, when a later commit was not pushed', {timeout: 60_000}, async () => {
    const {code, checks} = await verify(chapter(run('echo "print(2)" > train.py', 'git commit --quiet -am "Second"')))
    const check = checks.find((entry) => entry.name === 'git remote has the chapter\'s commit')
    expect(check?.status).toBe('failed')
    expect(check?.message).toMatch(/origin's main is at [0-9a-f]{7}, the working copy at [0-9a-f]{7}: a commit was not pushed/)
    expect(code).toBe(1)
  })
})
