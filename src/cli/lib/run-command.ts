import type {Invocation} from './args.js'
import type {Io} from './io.js'
import {reportError} from './report-error.js'

/** An invocation that runs a command (not `--help` or `--version`). */
export type CommandInvocation = Exclude<Invocation, {command: 'help' | 'version'}>

/**
 * Runs a command and returns its exit code; never throws. The CLI bundle
 * runs this module and every command as one script from a V8 code cache
 * (scripts/bundle-cli.js), so it reports its own errors: an error class is
 * that script's own copy, which main.ts's `instanceof` would not know.
 */
export async function runCommand(invocation: CommandInvocation, io: Io): Promise<number> {
  try {
    switch (invocation.command) {
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
