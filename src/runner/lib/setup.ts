import fs from 'node:fs/promises'
import path from 'node:path'
import type {ShellSession} from './shell-session.js'
import type {CommandResult} from './types.js'

/** What a chapter needs before its first step (config `setup`). */
export interface SetupInput {
  /** Shell run as a block of the session, so its exports and `cd` carry. */
  script?: string
  /** Copied into the current directory first: the state an earlier
   * chapter leaves. Relative paths resolve against `baseDir`. */
  copyDir?: string
}

export interface SetupResult {
  /** The directory copied, absolute, or null. */
  copied: string | null
  /** The script's result, or null without a script. */
  result: CommandResult | null
  /** Why the setup could not be applied, if it could not. */
  error?: string
}

/**
 * Prepare a chapter: copy `copyDir` into the learner's current directory,
 * then run `script` in the session. A missing directory is reported, not
 * thrown, so the report can say which config key to fix.
 */
export async function runSetup(session: ShellSession, setup: SetupInput, baseDir: string): Promise<SetupResult> {
  let copied: string | null = null
  if (setup.copyDir !== undefined) {
    const source = path.resolve(baseDir, setup.copyDir)
    try {
      await fs.cp(source, session.cwd, {recursive: true, force: true})
      copied = source
    } catch (error) {
      return {copied: null, result: null, error: `setup.copyDir: cannot copy ${source}: ${(error as Error).message}`}
    }
  }
  const result = setup.script === undefined ? null : await session.run({id: 'setup', text: setup.script})
  return {copied, result}
}
