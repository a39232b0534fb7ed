import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import type {PreparedChapter} from '../../plan/index.js'
import type {CheckReport} from '../../report/index.js'
import type {CommandResult, Sandbox} from '../../runner/index.js'

const run = promisify(execFile)

async function git(args: string[], options: {cwd: string; env: Record<string, string>}): Promise<string | undefined> {
  try {
    return (await run('git', args, options)).stdout.trim()
  } catch {
    return undefined
  }
}

/** After a chapter that runs `git push`: the sandbox's remote must have the
 * commit the learner's branch is at, as the doc promises when it says the
 * code is now shared. */
export async function checkGitRemote(
  prepared: PreparedChapter,
  results: ReadonlyMap<string, CommandResult>,
  where: {sandbox: Sandbox; remote: string; cwd: string}
): Promise<CheckReport[]> {
  const push = prepared.steps.find(({step, text}) => step.kind === 'command' && /\bgit\s+push\b/.test(text) && results.get(step.id)?.exitCode === 0)
  if (!push) return []
  const options = {cwd: where.cwd, env: where.sandbox.env}
  const branch = await git(['rev-parse', '--abbrev-ref', 'HEAD'], options)
  const local = await git(['rev-parse', 'HEAD'], options)
  const remote = branch === undefined ? undefined : await git(['--git-dir', where.remote, 'rev-parse', '--verify', `refs/heads/${branch}`], options)
  const check: CheckReport = {
    name: 'git remote has the chapter\'s commit',
    status: 'passed',
    message: `the remote's ${branch} is at ${local?.slice(0, 7)}`,
    file: prepared.plan.file,
    line: push.step.line
  }
  if (local === undefined || remote !== local) {
    check.status = 'failed'
    check.message =
      remote === undefined
        ? `after \`git push\` (line ${push.step.line}) the remote has no branch ${branch ?? '(no branch)'}`
        : `after \`git push\` (line ${push.step.line}) the remote's ${branch} is at ${remote.slice(0, 7)}, the working copy at ${local?.slice(0, 7)}: a commit was not pushed`
  }
  return [check]
}
