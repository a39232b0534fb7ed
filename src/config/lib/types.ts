/**
 * The project's `docs-verify.config.{json,yaml,yml}`: what a chapter cannot
 * say itself (placeholder values, commands to run instead of ones that need
 * a real cloud account, timeouts, setup). Plain data.
 */

/** Run something else instead of a command line, or skip it: always with a
 * reason, which the report shows. */
export interface StandIn {
  /** `/regex/flags`, or a literal command line (compared with runs of
   * whitespace and `\` continuations collapsed). */
  match: string
  /** What runs instead (may span lines). */
  run?: string
  /** Skip the line; `run` and `skip` exclude each other. */
  skip?: boolean
  reason: string
}

export interface TimeoutsConfig {
  /** Seconds for a step without its own (the runner's default is 300). */
  default?: number
  /** Seconds per step, keyed `file.md:line` or `line` (line of the fence). */
  steps?: Record<string, number>
}

export interface OutputPolicy {
  /** Lines the doc does not show in an expected output: `warn` (default) or `fail`. */
  extraLines: 'warn' | 'fail'
}

export interface SetupConfig {
  /** Shell run in the sandbox before the chapter's first step. */
  script?: string
  /** Directory copied into the working directory first (relative to the
   * config file): the state an earlier chapter leaves. */
  copyDir?: string
}

/** The whole content of a file a partial or display block changes. */
export interface FileEdit {
  path: string
  content: string
  reason: string
}

/** How far a decimal number in an expected output may be from the doc's
 * and still be "similar" (docs/reference/comparing-output.md, `numbers`):
 * within `absolute`, or within `relative` times the doc's value. */
export interface NumberTolerance {
  relative?: number
  absolute?: number
}

export interface ToleranceConfig extends NumberTolerance {
  /** Per expected-output block, keyed `file.md:line` or `line` (line of
   * the block's opening fence); wins over the chapter's. */
  steps?: Record<string, NumberTolerance>
}

/** Keys allowed both at the top level and per chapter. */
export interface ChapterConfig {
  placeholders?: Record<string, string>
  standIns?: StandIn[]
  timeouts?: TimeoutsConfig
  outputPolicy?: OutputPolicy
  setup?: SetupConfig
  env?: Record<string, string>
  fileEdits?: FileEdit[]
  /** The chapter starts from an empty sandbox (or its `setup`), not from
   * the state the chapters before it leave. */
  standalone?: boolean
  /** Command blocks expected to exit non-zero, keyed `file.md:line` or
   * `line` (line of the opening fence): the doc shows a failure. */
  expectFailure?: string[]
  tolerance?: ToleranceConfig
}

export interface Config extends ChapterConfig {
  /** Overrides per chapter, keyed by slug (`chapter-7`) or file name. */
  chapters?: Record<string, ChapterConfig>
}

/** One command line a stand-in rewrote. */
export interface AppliedStandIn {
  /** 1-based line within the block where the command starts. */
  line: number
  original: string
  /** What runs instead, or null when skipped. */
  replacement: string | null
  reason: string
}
