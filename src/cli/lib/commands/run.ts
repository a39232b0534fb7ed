import type {VerifyOptions} from '../args.js'
import type {Io} from '../main.js'
import type {Workspace} from '../../../verify/lib/load-workspace.js'
import type {Chapter} from '../../../guide/index.js'

/** Run chapters in a sandbox and report. */
export async function runCommand(_chapters: readonly Chapter[], _options: VerifyOptions, _workspace: Workspace, io: Io): Promise<number> {
  io.stderr.write('not yet\n')
  return 2
}
