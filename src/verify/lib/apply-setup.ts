import type {SetupConfig} from '../../config/index.js'
import {runSetup} from '../../runner/index.js'
import type {ShellSession} from '../../runner/index.js'

/**
 * Give a chapter the starting state its configuration declares, in the
 * learner's terminal (`copyDir`, then `script`). Returns why it failed, in
 * words for the report, or undefined.
 */
export async function applySetup(setup: SetupConfig, session: ShellSession, configDir = process.cwd()): Promise<string | undefined> {
  const {result, error} = await runSetup(session, setup, configDir)
  if (error !== undefined) return `${error}; fix the path in the configuration`
  if (result && (result.exitCode !== 0 || result.timedOut)) {
    const where = result.failedCommand ? ` at line ${result.failedCommand.line} (\`${result.failedCommand.command}\`)` : ''
    return `the configuration's setup.script failed${where} with ${result.exitCode ?? result.signal}:\n${result.output.trim().split('\n').slice(-10).join('\n')}`
  }
  return undefined
}
