import fs from 'node:fs/promises'
import path from 'node:path'
import {isBelow} from './host-paths.js'
import {runInSandbox} from './run-in-sandbox.js'
import type {Sandbox} from './sandbox.js'
import {SandboxError} from './sandbox-error.js'
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

/** `child` is `parent` or lies below it. */
function isInside(parent: string, child: string): boolean {
  return path.resolve(parent) === path.resolve(child) || isBelow(parent, child)
}

/** Where a write to `target` really lands: symlinks in the existing part
 * of the path (the file itself included) followed, the rest appended. */
async function resolvedTarget(target: string): Promise<string> {
  let existing = target
  const rest: string[] = []
  for (;;) {
    try {
      return path.join(await fs.realpath(existing), ...rest)
    } catch {
      // A dangling symlink still points somewhere: follow it by hand.
      try {
        const link = await fs.readlink(existing)
        return resolvedTarget(path.join(path.resolve(path.dirname(existing), link), ...rest))
      } catch {
        // Not a link: go up to the deepest part that exists.
      }
      const parent = path.dirname(existing)
      if (parent === existing) return target
      rest.unshift(path.basename(existing))
      existing = parent
    }
  }
}

/** In mode bwrap the write happens inside the sandbox, so its mounts hold
 * whatever a planted symlink changes between the check and the write. It
 * starts in the sandbox's own directory: the learner's may be gone. */
async function writeInside(sandbox: Sandbox, target: string, content: string): Promise<void> {
  const outcome = await runInSandbox(sandbox, ['/bin/sh', '-c', 'mkdir -p -- "$(dirname -- "$1")" && cat > "$1"', 'file-step', target], {
    input: content,
    cwd: sandbox.root,
    label: `the write of the file step ${target}`
  })
  if (outcome.exitCode !== 0) throw new Error(outcome.failure ?? (outcome.stderr.trim() || `exit ${outcome.exitCode}`))
}

/**
 * Apply a file step the way the learner would: a full file is written
 * (parent directories created); a partial or display block is only applied
 * when the config says how, otherwise it is reported as not applied, never
 * skipped silently. Nothing is written outside the sandbox. A sandbox
 * that could not start the write throws a SandboxError.
 */
export async function applyFileStep(
  step: FileStepInput,
  where: {cwd: string; home: string; root: string; sandbox?: Sandbox}
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
  const resolved = await resolvedTarget(target)
  if (!isInside(await fs.realpath(where.root), resolved)) {
    return result('not-applied', `${step.path} leads outside the sandbox through a symbolic link (to ${resolved}): not written`)
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
    if (where.sandbox?.mode === 'bwrap') {
      await writeInside(where.sandbox, target, withFinalNewline(content))
    } else {
      await fs.mkdir(path.dirname(target), {recursive: true})
      await fs.writeFile(target, withFinalNewline(content))
    }
  } catch (error) {
    // The sandbox's failure ends the run: it says nothing of the doc.
    if (error instanceof SandboxError) throw error
    return result('not-applied', `could not write ${target}: ${(error as Error).message}`)
  }
  return result('written', reason)
}
