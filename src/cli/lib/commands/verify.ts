import type {VerifyOptions} from '../args.js'
import type {Io} from '../io.js'
import {loadWorkspace, selectChapters} from '../../../verify/index.js'

/** `docs-verify <chapters...>`: dry-run, or run and check. */
export async function verifyCommand(targets: readonly string[], options: VerifyOptions, io: Io): Promise<number> {
  const onlyPaths = targets.every((target) => /\.md$/i.test(target))
  const workspace = await loadWorkspace({cwd: io.cwd, ...options, optionalGuide: onlyPaths})
  const chapters = selectChapters(targets, workspace.guide, io.cwd)
  if (options.dryRun) {
    const {dryRunCommand} = await import('./dry-run.js')
    return dryRunCommand(chapters, options, workspace, io)
  }
  if (options.watch) {
    const {watchCommand} = await import('./watch.js')
    return watchCommand(chapters, options, workspace, io)
  }
  const {runCommand} = await import('./run.js')
  return runCommand(chapters, options, workspace, io)
}
