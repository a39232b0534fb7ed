/**
 * A problem at a place in a file, as every stage that reads a file reports
 * it: the extractor (a malformed container), the configuration (a wrong
 * key), the planner and lint. Plain data at the bottom of the stages, so
 * that none of them imports another to say where something is wrong (the
 * role vfile-message plays for unified).
 */

export type Severity = 'error' | 'warning' | 'info'

export interface Diagnostic {
  file: string
  /** 1-based, of the original file. */
  line: number
  column: number
  severity: Severity
  /** Kebab-case rule id: `merge-conflict-marker`, `unclosed-fence`, ... */
  rule: string
  message: string
}
