import {stat} from 'node:fs/promises'
import path from 'node:path'
import type {TreeEntry} from '../../plan/types.js'

/** What a directory tree block promises about the learner's working
 * directory that is not so: one line per path, with its Markdown line. */
export async function treeGaps(entries: readonly TreeEntry[], cwd: string): Promise<string[]> {
  const gaps: string[] = []
  for (const entry of entries) {
    const where = path.join(cwd, ...entry.path.split('/'))
    let found: Awaited<ReturnType<typeof stat>> | undefined
    try {
      found = await stat(where)
    } catch {
      found = undefined
    }
    if (found === undefined) gaps.push(`line ${entry.line}: \`${entry.path}${entry.type === 'directory' ? '/' : ''}\` is not in the working directory`)
    else if (entry.type === 'directory' && !found.isDirectory()) gaps.push(`line ${entry.line}: \`${entry.path}\` is a file, the tree shows a folder`)
  }
  return gaps
}
