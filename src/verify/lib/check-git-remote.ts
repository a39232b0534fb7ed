import type {PreparedChapter} from '../../plan/index.js'
import type {CheckReport} from '../../report/index.js'
import {runInSandbox} from '../../runner/index.js'
import type {CommandResult, Sandbox} from '../../runner/index.js'

/** Git as the learner's machine sees it: inside the sandbox. A remote that
 * cannot answer (a network URL with no network) must not hang the check. */
async function git(args: string[], options: {cwd: string; sandbox: Sandbox}): Promise<string | undefined> {
  const outcome = await runInSandbox(options.sandbox, ['git', ...args], {cwd: options.cwd, timeoutMs: 30_000})
  return outcome.exitCode === 0 ? outcome.stdout.trim() : undefined
}

/** The remote a `git push` line names (`git push -u origin main` -> origin). */
function pushedRemote(text: string): string | undefined {
  const line = /\bgit\s+push\b([^\n;&|]*)/.exec(text)?.[1] ?? ''
  return line.split(/\s+/).filter((word) => word !== '' && !word.startsWith('-'))[0]
}

/** After a chapter that runs `git push`: the branch's real upstream (its
 * configured remote, wherever that is: the sandbox's bare repository, a
 * folder the doc made) must have the commit the learner's branch is at, as
 * the doc promises when it says the code is now shared. */
export async function checkGitRemote(
  prepared: PreparedChapter,
  results: ReadonlyMap<string, CommandResult>,
  where: {sandbox: Sandbox; cwd: string}
): Promise<CheckReport[]> {
  const push = prepared.steps.find(({step, text}) => step.kind === 'command' && !step.someoneElse && /\bgit\s+push\b/.test(text) && results.get(step.id)?.exitCode === 0)
  if (!push) return []
  const options = {cwd: where.cwd, sandbox: where.sandbox}
  const branch = await git(['rev-parse', '--abbrev-ref', 'HEAD'], options)
  const local = await git(['rev-parse', 'HEAD'], options)
  const remoteName = (branch === undefined ? undefined : await git(['config', `branch.${branch}.remote`], options)) || pushedRemote(push.text) || 'origin'
  const ref = (branch === undefined ? undefined : await git(['config', `branch.${branch}.merge`], options)) || `refs/heads/${branch ?? 'HEAD'}`
  const url = (await git(['remote', 'get-url', remoteName], options)) ?? remoteName
  const listing = await git(['ls-remote', remoteName, ref], options)
  const remote = listing?.split('\n').find((line) => line.endsWith(`\t${ref}`))?.split('\t')[0]
  const shortRef = ref.replace(/^refs\/heads\//, '')
  const check: CheckReport = {
    name: 'git remote has the chapter\'s commit',
    status: 'passed',
    message: `${remoteName} (${url}) has ${shortRef} at ${local?.slice(0, 7)}`,
    file: prepared.plan.file,
    line: push.step.line
  }
  if (listing === undefined) {
    check.status = 'failed'
    check.message = `after \`git push\` (line ${push.step.line}) the remote ${remoteName} (${url}) could not be read`
  } else if (local === undefined || remote !== local) {
    check.status = 'failed'
    check.message =
      remote === undefined
        ? `after \`git push\` (line ${push.step.line}) the remote ${remoteName} (${url}) has no branch ${shortRef}`
        : `after \`git push\` (line ${push.step.line}) ${remoteName}'s ${shortRef} is at ${remote.slice(0, 7)}, the working copy at ${local?.slice(0, 7)}: a commit was not pushed`
  }
  return [check]
}
