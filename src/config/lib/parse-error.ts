import type {Diagnostic} from '../../diagnostic/index.js'

/** A config file that cannot be read or parsed, at a line and column. */
export function parseError(file: string, line: number, column: number, message: string): Diagnostic {
  return {file, line, column, severity: 'error', rule: 'config-parse', message}
}
