import {accessSync, constants} from 'node:fs'
import path from 'node:path'
import os from 'node:os'

/** Under CI=true a missing tool fails the test; locally it skips. */
export const inCi = process.env.CI === 'true'

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const file = path.join(dir, name)
    try {
      accessSync(file, constants.X_OK)
      return file
    } catch {
      // Keep looking.
    }
  }
  return undefined
}

/** The docs-verify cache root the code under test uses by default. */
export const cacheRoot = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docs-verify')

/**
 * Find a tool (on PATH, or at one of `extra` paths). Returns undefined when
 * missing outside CI (the caller skips); throws under CI=true.
 */
export function requireTool(name: string, hint: string, extra: string[] = []): string | undefined {
  const found = onPath(name) ?? extra.find((file) => {
    try {
      accessSync(file, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
  if (found) return found
  if (inCi) throw new Error(`CI=true and \`${name}\` is missing: ${hint}`)
  return undefined
}

/** fake-gcs-server on PATH or in the cache. */
export const fakeGcsServer = requireTool(
  'fake-gcs-server',
  'run scripts/install-fake-gcs-server.sh (needs Go >= 1.25)',
  [path.join(cacheRoot, 'bin', 'fake-gcs-server')]
)
