import fs from 'node:fs/promises'
import path from 'node:path'
import type {FileStepResult} from './types.js'

export interface FileStepInput {
  id: string
  /** Path from the doc, relative to the learner's current directory
   * (`~/` means the sandbox home). */
  path: string
  /** The block's content. */
  text: string
  /** `full`: the block is the whole file; `partial`/`display`: it is not. */
  mode: 'full' | 'partial' | 'display'
  /** A replacement for a partial/display block (config `fileEdits`): the
   * whole file as it should be after the change. */
  replacement?: {content: string; reason: string}
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * Apply a file step the way the learner would: a full file is written
 * (parent directories created); a partial or display block is only applied
 * when the config says how, otherwise it is reported as not applied, never
 * skipped silently. Nothing is written outside the sandbox.
 */
export async function applyFileStep(
  step: FileStepInput,
  where: {cwd: string; home: string; root: string}
): Promise<FileStepResult> {
  const target = step.path.startsWith('~/')
    ? path.join(where.home, step.path.slice(2))
    : path.resolve(where.cwd, step.path)
  const result = (status: FileStepResult['status'], reason: string): FileStepResult => ({
    id: step.id,
    status,
    path: target,
    reason
  })
  if (!isInside(where.root, target)) {
    return result('not-applied', `${step.path} resolves outside the sandbox (${target}); use a path relative to the working directory`)
  }
  let content: string
  let reason: string
  if (step.mode === 'full') {
    content = step.text
    reason = 'the block is the whole file'
  } else if (step.replacement) {
    content = step.replacement.content
    reason = `config fileEdits: ${step.replacement.reason}`
  } else {
    return result(
      'not-applied',
      step.mode === 'partial'
        ? `a partial change to ${step.path}: add a fileEdits entry with the whole file to the config to apply it`
        : `${step.path} is shown only (a tool writes it)`
    )
  }
  try {
    await fs.mkdir(path.dirname(target), {recursive: true})
    await fs.writeFile(target, withFinalNewline(content))
  } catch (error) {
    return result('not-applied', `could not write ${target}: ${(error as Error).message}`)
  }
  return result('written', reason)
}
