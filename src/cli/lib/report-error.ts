import type {Io} from './io.js'
import {exitCodes} from './exit-codes.js'
import {UsageError} from './usage-error.js'
import {InputError} from '../../verify/index.js'
// Imported statically: the CLI bundle takes the class from its own module
// (scripts/bundle-cli.js), where import() would take the whole runner stage
// into every command's script.
import {SandboxError} from '../../runner/index.js'

/** An error as the user sees it: their mistake (usage, input, guide) or the
 * sandbox's failure in one line with exit code 2, anything else as an
 * internal error with its stack. */
export async function reportError(error: unknown, io: Io): Promise<number> {
  // Imported here: the guide module loads the YAML and TOML parsers, which
  // `--version` and `--help` should not pay for.
  const {GuideError} = await import('../../guide/index.js')
  if (error instanceof UsageError || error instanceof InputError || error instanceof GuideError) {
    io.stderr.write(`docs-verify: ${error.message}\n`)
    return exitCodes.usage
  }
  // The sandbox failing is no verdict on the doc: it ends the run, saying why.
  if (error instanceof SandboxError) {
    io.stderr.write(`docs-verify: sandbox error: ${error.message}\n`)
    return exitCodes.usage
  }
  io.stderr.write(`docs-verify: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
  return exitCodes.usage
}
