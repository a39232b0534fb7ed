import {parseInvocation, type Invocation} from './args.js'
import {helpText} from './help.js'
import {UsageError} from './usage-error.js'
import {exitCodes} from './exit-codes.js'
import type {Io} from './io.js'
import {InputError} from '../../verify/index.js'


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
      case 'list': {
        const {listCommand} = await import('./commands/list.js')
        return await listCommand(invocation.options, io)
      }
      case 'init': {
        const {initCommand} = await import('./commands/init.js')
        return await initCommand(invocation.options, io)
      }
      case 'lint': {
        const {lintCommand} = await import('./commands/lint.js')
        return await lintCommand(invocation.paths, invocation.format, invocation.options, io)
      }
      case 'verify': {
        const {verifyCommand} = await import('./commands/verify.js')
        return await verifyCommand(invocation.targets, invocation.options, io)
      }
    }
  } catch (error) {
    return await reportError(error, io)
  }
}

async function reportError(error: unknown, io: Io): Promise<number> {
  // Imported here: the guide module loads the YAML and TOML parsers, which
  // `--version` and `--help` should not pay for.
  const {GuideError} = await import('../../guide/index.js')
  if (error instanceof UsageError || error instanceof InputError || error instanceof GuideError) {
    io.stderr.write(`docs-verify: ${error.message}\n`)
    return exitCodes.usage
  }
  // The sandbox failing is no verdict on the doc: it ends the run, saying why.
  const {SandboxError} = await import('../../runner/index.js')
  if (error instanceof SandboxError) {
    io.stderr.write(`docs-verify: sandbox error: ${error.message}\n`)
    return exitCodes.usage
  }
  io.stderr.write(`docs-verify: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
  return exitCodes.usage
}
