import {CloudUnavailableError, needsCloud, startCloudSession} from '../../cloud/index.js'
import type {ChapterAfterRun, CloudOptions, CloudSession} from '../../cloud/index.js'
import type {PreparedChapter} from '../../plan/index.js'
import type {Sandbox} from '../../runner/index.js'
import {InputError} from './input-error.js'
import {exportedVariables} from './shell-variables-of.js'

/** The chain's cloud session, when a chapter still to run needs one. */
export async function startChainCloud(chapters: readonly PreparedChapter[], options: CloudOptions, sandbox: Sandbox): Promise<CloudSession | undefined> {
  if (!needsCloud(chapters.flatMap((chapter) => chapter.steps.map(({step, text}) => ({kind: step.kind, text}))))) return undefined
  try {
    return await startCloudSession(options, {
      root: sandbox.root,
      gcloudConfigDir: sandbox.paths.gcloud,
      allowLocalPort: (port, label) => sandbox.allowLocalPort(port, label)
    })
  } catch (error) {
    throw error instanceof CloudUnavailableError ? new InputError(error.message) : error
  }
}

/** A chapter that ran, as the cloud's effect check reads it: its
 * commands, the learner's directory and exported variables. */
export async function chapterAfterRun(prepared: PreparedChapter, cwd: string, sandbox: Sandbox): Promise<ChapterAfterRun> {
  return {
    file: prepared.plan.file,
    commands: prepared.steps.filter(({step}) => step.kind === 'command').map(({step, text}) => ({line: step.line, text})),
    cwd,
    variables: await exportedVariables(sandbox.paths.stateFile)
  }
}
