import {readFile} from 'node:fs/promises'
import type {Diagnostic} from '../../plan/types.js'
import type {LintOptions} from './lint-options.js'
import {diagnostic} from './rule.js'
import type {LintContext} from './rule.js'
import {prepareContext, runRules} from './run-rules.js'
import {sortDiagnostics} from './sort-diagnostics.js'

// Enough of a file to tell text from binary, as git does.
const sniffLength = 8000

/** Lints chapters in the order given (nav order): cross-chapter rules see
 * every earlier chapter. Unreadable or binary files become diagnostics. */
export async function lintFiles(paths: string[], options: LintOptions = {}): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = []
  const contexts: LintContext[] = []
  for (const path of paths) {
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
      problems.push(diagnostic(path, 1, 1, 'error', 'unreadable-file', `Cannot read this file (${reason}); check the path.`))
      continue
    }
    if (bytes.subarray(0, sniffLength).includes(0)) {
      problems.push(diagnostic(path, 1, 1, 'warning', 'not-text', 'This file looks binary, not Markdown; it was skipped.'))
      continue
    }
    contexts.push(prepareContext(bytes.toString('utf8'), path, options, problems))
  }
  return sortDiagnostics([...problems, ...runRules(contexts, options)])
}
