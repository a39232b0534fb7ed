import os from 'node:os'
import path from 'node:path'

/** `${XDG_CACHE_HOME:-~/.cache}/docs-verify`: shared by every docs-verify cache. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(base, 'docs-verify')
}
