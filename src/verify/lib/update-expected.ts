import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {compareOutput, renderExpectedUpdate} from '../../compare/index.js'
import type {ExpectStep} from '../../plan/types.js'
import {checkBlockUpdates, rewriteExpectedBlocks, writeFileAtomic} from '../../update/index.js'
import type {BlockUpdate} from '../../update/index.js'
import type {VerifyReport} from '../../report/index.js'

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

/** What `--update` did: a line per file, and the blocks rewritten whose
 * new text compares as matching the output it came from. */
export interface UpdateOutcome {
  messages: string[]
  updated: ExpectedUpdate[]
}

/**
 * `--update`: rewrite the expected-output blocks that differ, each with
 * what its command printed (volatile parts kept as the doc had them), and
 * nothing else of the file; every file is written atomically, and only
 * when every new block re-checks against the output it came from.
 */
export async function applyUpdates(updates: readonly ExpectedUpdate[], cwd: string): Promise<UpdateOutcome> {
  const byFile = new Map<string, ExpectedUpdate[]>()
  for (const update of updates) {
    const file = path.resolve(cwd, update.step.file)
    byFile.set(file, [...(byFile.get(file) ?? []), update])
  }
  const messages: string[] = []
  const updated: ExpectedUpdate[] = []
  for (const [file, list] of byFile) {
    const text = await readFile(file, 'utf8')
    const blocks: BlockUpdate[] = list.map(({step, actual, command, sandboxPaths}) => ({
      bodyStartLine: step.bodyStartLine,
      bodyEndLine: step.bodyEndLine,
      indent: step.indent,
      newBody: renderExpectedUpdate(step.text, actual, {command, ...(step.lang === undefined ? {} : {lang: step.lang}), sandboxPaths})
    }))
    const problems = checkBlockUpdates(text, blocks, file)
    // Re-check: the new block must match the output it was made from.
    list.forEach((update, index) => {
      const recheck = compareOutput(blocks[index]!.newBody, update.actual, {
        command: update.command,
        ...(update.step.lang === undefined ? {} : {lang: update.step.lang}),
        sandboxPaths: update.sandboxPaths
      })
      if (!recheck.ok) problems.push(`line ${update.step.line}: the rewritten block would still differ from the output (${recheck.mismatches[0]?.message ?? 'extra lines'})`)
    })
    if (problems.length > 0) {
      messages.push(`${file}: not updated: ${problems.join('; ')}`)
      continue
    }
    await writeFileAtomic(file, rewriteExpectedBlocks(text, blocks, file))
    updated.push(...list)
    messages.push(`${path.relative(cwd, file) || file}: updated ${list.length} expected output${list.length === 1 ? '' : 's'} (lines ${list.map((update) => update.step.line).join(', ')})`)
  }
  return {messages, updated}
}

/** After `--update`: the blocks rewritten (and re-checked) pass; a chapter
 * passes when nothing else failed in it. */
export function markUpdated(report: VerifyReport, updated: readonly ExpectedUpdate[]): void {
  const done = new Set(updated.map((update) => `${update.step.file}:${update.step.line}`))
  for (const chapter of report.chapters) {
    let touched = false
    for (const step of chapter.steps) {
      if (step.kind !== 'expect' || step.status !== 'failed' || !done.has(`${step.file}:${step.line}`)) continue
      step.status = 'passed'
      step.notes.push(`updated from this run: the block now holds what its command printed (was: ${step.message?.split('\n')[0] ?? 'different'})`)
      delete step.message
      delete step.diff
      touched = true
    }
    if (!touched || chapter.status !== 'failed') continue
    const failing = chapter.steps.some((step) => step.status === 'failed' || step.status === 'timed-out' || step.status === 'not-applied') || chapter.checks.some((check) => check.status === 'failed')
    if (!failing) chapter.status = 'passed'
  }
}
