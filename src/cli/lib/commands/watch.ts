import type {VerifyOptions} from '../args.js'
import type {Io} from '../io.js'
import type {Chapter} from '../../../guide/index.js'
import {watchChapters} from '../../../watch/index.js'
import type {Workspace} from '../../../verify/index.js'
import {runCommand} from './run.js'

/** `--watch`: verify, then verify again whenever the chapter or a chapter
 * before it in the nav changes, until Ctrl-C. */
export async function watchCommand(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, io: Io): Promise<number> {
  const all = workspace.guide?.chapters ?? []
  const last = Math.max(...chapters.map((chapter) => all.findIndex((entry) => entry.file === chapter.file)))
  const files = [...new Set([...all.slice(0, last + 1).map((chapter) => chapter.file), ...chapters.map((chapter) => chapter.file)])]
  let code = await runCommand(chapters, options, workspace, io)
  let running: Promise<void> = Promise.resolve()
  const watcher = watchChapters(files, (changed) => {
    running = running.then(async () => {
      io.stderr.write(`\ndocs-verify: ${changed} changed, verifying again\n`)
      code = await runCommand(chapters, options, workspace, io)
    })
  })
  await watcher.ready
  io.stderr.write(`docs-verify: watching ${files.length} chapter file${files.length === 1 ? '' : 's'}; Ctrl-C stops\n`)
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
  watcher.close()
  await running
  return code
}
