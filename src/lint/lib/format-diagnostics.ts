import type {Diagnostic} from '../../plan/types.js'
import {sortDiagnostics} from './sort-diagnostics.js'

export type DiagnosticFormat = 'text' | 'json'

/** `file:line:col severity rule message`, one per line, or a JSON array;
 * both sorted by file and line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  const sorted = sortDiagnostics(diagnostics)
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`
  return sorted
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message.replace(/[\r\n]+/g, ' ')}\n`)
    .join('')
}

/** The process exit code for a lint run: 1 when any diagnostic is an error. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0
}
