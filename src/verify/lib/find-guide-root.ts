import {existsSync} from 'node:fs'
import path from 'node:path'
import {InputError} from './input-error.js'

const markers = ['mkdocs.yml', 'mkdocs.yaml', 'zensical.toml'] as const

/** The folder holding the guide's site configuration: `explicit` when given,
 * else the nearest folder upward from `cwd` with mkdocs.yml or zensical.toml. */
export function findGuideRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const root = path.resolve(cwd, explicit)
    if (!markers.some((marker) => existsSync(path.join(root, marker)))) {
      throw new InputError(`--guide ${explicit}: no ${markers.join(' or ')} in ${root}; point --guide at the folder holding the site configuration`)
    }
    return root
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (markers.some((marker) => existsSync(path.join(dir, marker)))) return dir
    if (path.dirname(dir) === dir) break
  }
  throw new InputError(
    `no mkdocs.yml or zensical.toml in ${cwd} or any folder above it; run docs-verify inside a guide, pass --guide DIR, or give a Markdown path`
  )
}
