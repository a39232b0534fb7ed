import type {NumberTolerance} from './numbers.js'

/**
 * Plain data of the check stage for command output: what `compareOutput`
 * returns and the options it reads.
 */

/** How the expected block was read: by meaning (`git-status`, `git-diff`,
 * `json`) or line by line (`text`). */
export type ComparisonKind = 'git-status' | 'git-diff' | 'json' | 'text'

/** A promise of the doc that the output breaks. */
export interface Mismatch {
  message: string
  /** 1-based line within the expected block, when one line is at fault. */
  expectedLine?: number
  /** The output's line (or value) involved, as printed. */
  actual?: string
  /** The doc's line (or value) involved, as written. */
  expected?: string
}

/** A difference accepted as "similar", named by the rule that accepted it. */
export interface Tolerance {
  /** Rule name, as documented in docs/reference/comparing-output.md. */
  rule: string
  message: string
}

/** A line the output has and the doc does not show (a newer tool printing
 * more). Fails the comparison only under `policy.extraLines: 'fail'`. */
export interface ExtraLine {
  line: string
  message: string
}

export interface Comparison {
  ok: boolean
  kind: ComparisonKind
  mismatches: Mismatch[]
  tolerated: Tolerance[]
  extraLines: ExtraLine[]
  /** Unified-style diff of the masked expected block against the masked
   * output, for the report; empty when they are equal after masking. */
  diff: string
}

export interface OutputPolicy {
  /** `warn` (default): extra output lines are reported, not fatal. */
  extraLines?: 'warn' | 'fail'
}

export interface CompareOptions {
  /** The command (or whole command block) whose output this is: its last
   * command decides the kind (`git status`, `git diff ...`). */
  command?: string
  /** The expected block's fence language (`text`, `diff`, `json`). */
  lang?: string
  policy?: OutputPolicy
  /** Absolute paths of the sandbox (working directory, HOME): replaced by
   * `<sandbox>` before comparing. */
  sandboxPaths?: string[]
  /** How far decimal numbers may be from the doc's (rule `numbers`);
   * without it they are compared as written. */
  numbers?: NumberTolerance
}
