import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import type {TrackedMd5} from './effects-dvc-pushed.js'
import {readTrackedMd5s} from './effects-dvc-repo.js'

/** Outputs a `dvc.yaml` keeps out of the cache (`- metrics.json: {cache:
 * false}`): `dvc push` never uploads them. */
function uncachedOutputs(repoDir: string): Set<string> {
  const uncached = new Set<string>()
  let stages: unknown
  try {
    stages = (parse(readFileSync(path.join(repoDir, 'dvc.yaml'), 'utf8')) as {stages?: unknown} | null)?.stages
  } catch {
    return uncached
  }
  for (const stage of Object.values((stages ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const kind of ['outs', 'metrics', 'plots']) {
      for (const entry of (Array.isArray(stage?.[kind]) ? stage[kind] : []) as unknown[]) {
        if (entry === null || typeof entry !== 'object') continue
        for (const [output, options] of Object.entries(entry as Record<string, {cache?: boolean} | null>)) {
          if (options?.cache === false) uncached.add(path.posix.normalize(output))
        }
      }
    }
  }
  return uncached
}

/** What `dvc push` uploads: the tracked md5s (directory listings
 * included), less the outputs kept out of the cache. */
export function pushableMd5s(repoDir: string): TrackedMd5[] {
  const uncached = uncachedOutputs(repoDir)
  return readTrackedMd5s(repoDir).filter((entry) => entry.path === undefined || !uncached.has(path.posix.normalize(entry.path)))
}
