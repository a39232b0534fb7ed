import {parseInvocation, type Invocation} from './args.js'
import {helpText} from './help.js'
import {exitCodes} from './exit-codes.js'
import type {Io} from './io.js'
import {reportError} from './report-error.js'

/** Runs one invocation and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let invocation: Invocation
  try {
    invocation = parseInvocation(argv)
  } catch (error) {
    return await reportError(error, io)
  }
  try {
    switch (invocation.command) {
      case 'help':
        io.stdout.write(helpText)
        return exitCodes.passed
      case 'version': {
        const {version} = await import('../../version.js')
        io.stdout.write(`docs-verify ${version}\n`)
        return exitCodes.passed
      }
      default: {
        const {runCommand} = await import('./run-command.js')
        return await runCommand(invocation, io)
      }
    }
  } catch (error) {
    return await reportError(error, io)
  }
}
