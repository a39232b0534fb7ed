import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {renderExpectedUpdate} from '../../compare/index.js'
import type {ExpectStep} from '../../plan/types.js'
import {checkBlockUpdates, rewriteExpectedBlocks, writeFileAtomic} from '../../update/index.js'
import type {BlockUpdate} from '../../update/index.js'

/** An expected-output block whose command printed something else. */
export interface ExpectedUpdate {
  step: ExpectStep
  /** What the command printed. */
  actual: string
  /** The command block, which decides how the output is read. */
  command: string
  sandboxPaths: string[]
}

/** One update per block: the same block seen in several variants or chains
 * is rewritten once, from the first run that saw it. */
export function collectUpdates(updates: readonly ExpectedUpdate[]): ExpectedUpdate[] {
  const seen = new Map<string, ExpectedUpdate>()
  for (const update of updates) {
    const key = `${update.step.file}:${update.step.line}`
    if (!seen.has(key)) seen.set(key, update)
  }
  return [...seen.values()]
}

/**
 * `--update`: rewrite the expected-output blocks that differ, each with
 * what its command printed (volatile parts kept as the doc had them), and
 * nothing else of the file; every file is written atomically. Returns a
 * line per file for the user.
 */
export async function applyUpdates(updates: readonly ExpectedUpdate[], cwd: string): Promise<string[]> {
  const byFile = new Map<string, ExpectedUpdate[]>()
  for (const update of updates) {
    const file = path.resolve(cwd, update.step.file)
    byFile.set(file, [...(byFile.get(file) ?? []), update])
  }
  const messages: string[] = []
  for (const [file, list] of byFile) {
    const text = await readFile(file, 'utf8')
    const blocks: BlockUpdate[] = list.map(({step, actual, command, sandboxPaths}) => ({
      bodyStartLine: step.bodyStartLine,
      bodyEndLine: step.bodyEndLine,
      indent: step.indent,
      newBody: renderExpectedUpdate(step.text, actual, {command, ...(step.lang === undefined ? {} : {lang: step.lang}), sandboxPaths})
    }))
    const problems = checkBlockUpdates(text, blocks, file)
    if (problems.length > 0) {
      messages.push(`${file}: not updated: ${problems.join('; ')}`)
      continue
    }
    await writeFileAtomic(file, rewriteExpectedBlocks(text, blocks, file))
    messages.push(`${path.relative(cwd, file) || file}: updated ${list.length} expected output${list.length === 1 ? '' : 's'} (lines ${list.map((update) => update.step.line).join(', ')})`)
  }
  return messages
}
