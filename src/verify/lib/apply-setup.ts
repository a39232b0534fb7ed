import {cp} from 'node:fs/promises'
import path from 'node:path'
import type {SetupConfig} from '../../config/index.js'
import type {ShellSession} from '../../runner/index.js'

/**
 * Give a chapter the starting state its configuration declares, in the
 * learner's terminal: first `copyDir` into the working directory, then the
 * `script`. Returns why it failed, or undefined.
 */
export async function applySetup(setup: SetupConfig, session: ShellSession, configDir = process.cwd()): Promise<string | undefined> {
  if (setup.copyDir !== undefined) {
    const from = path.resolve(configDir, setup.copyDir)
    try {
      await cp(from, session.cwd, {recursive: true, verbatimSymlinks: true})
    } catch (error) {
      return `setup.copyDir ${from} could not be copied (${(error as Error).message}); fix the path in the configuration`
    }
  }
  if (setup.script !== undefined) {
    const result = await session.run({id: 'setup', text: setup.script})
    if (result.exitCode !== 0 || result.timedOut) {
      const where = result.failedCommand ? ` at line ${result.failedCommand.line} (\`${result.failedCommand.command}\`)` : ''
      return `the configuration's setup.script failed${where} with ${result.exitCode ?? result.signal}:\n${result.output.trim().split('\n').slice(-10).join('\n')}`
    }
  }
  return undefined
}
