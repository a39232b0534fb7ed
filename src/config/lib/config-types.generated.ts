// Generated from schema/docs-verify.config.schema.json by scripts/generate-config-schema.ts: the config types.
// Do not edit; change the schema and run `node scripts/generate-config-schema.ts`.

/**
 * Commands to run differently, each with a reason the report shows. Yours come before docs-verify's own stand-ins.
 */
export type StandIns = StandIn[]
export type Seconds = number
/**
 * For a block that shows only part of a file ("Add the following lines ..."): the whole content of the file after the change.
 */
export type FileEdits = FileEdit[]
/**
 * Command blocks the doc shows failing, keyed `file.md:line` or `line` (the line of the block's opening fence): the block passes only when it exits non-zero, and its expected output is still compared.
 */
export type ExpectFailure = string[]

/**
 * docs-verify.config.{json,yaml,yml}: what a chapter cannot say itself (placeholder values, commands to run instead of ones that need a person or a real cloud account, timeouts, setup). Every key except `chapters` can be given at the top level (for every chapter) or under `chapters.<key>`; a chapter's own values win.
 */
export interface Config {
  /**
   * Path or URL of this schema, for editor completion: `./node_modules/docs-verify/schema/docs-verify.config.schema.json`.
   */
  $schema?: string
  placeholders?: Placeholders
  standIns?: StandIns
  timeouts?: TimeoutsConfig
  outputPolicy?: OutputPolicy
  setup?: SetupConfig
  env?: Env
  fileEdits?: FileEdits
  expectFailure?: ExpectFailure
  tolerance?: ToleranceConfig
  sandbox?: SandboxConfig
  /**
   * Overrides per chapter, keyed by the chapter's key (`chapter-7`) or file name. Maps merge key by key over the top level; the chapter's stand-ins and file edits come first.
   */
  chapters?: {
    [k: string]: ChapterConfig
  }
}
/**
 * Values for placeholders, keyed in any style: `my project id`, `my_project_id` and `<my project id>` name the same placeholder. Without a value, docs-verify takes the doc's own example or generates one; `--set 'key=value'` wins over the file.
 */
export interface Placeholders {
  [k: string]: string
}
/**
 * Run something else instead of a command line, or skip it: always with a reason, which the report shows.
 */
export interface StandIn {
  /**
   * A literal command line (runs of spaces and `\` line continuations do not matter), or a regular expression written `/.../flags`.
   */
  match: string
  /**
   * What runs instead (it may span several lines). `run` and `skip` exclude each other.
   */
  run?: string
  /**
   * `true` to skip the command. `run` and `skip` exclude each other.
   */
  skip?: boolean
  /**
   * Why: a browser login, a foreground server, a real cloud account.
   */
  reason: string
}
/**
 * How long a step may take before it is stopped, with everything it started.
 */
export interface TimeoutsConfig {
  /**
   * Seconds a step may take when nothing else says (the runner's default is 300).
   */
  default?: number
  /**
   * Seconds for one step, keyed `file.md:line` or `line`, where `line` is the line of the block's opening fence.
   */
  steps?: {
    [k: string]: Seconds
  }
}
/**
 * How strictly printed output is compared with the doc.
 */
export interface OutputPolicy {
  /**
   * A line the command printed but the doc does not show: `warn` (the check passes with a warning) or `fail`.
   */
  extraLines?: 'warn' | 'fail'
}
/**
 * Prepares the sandbox before the chapter's first step.
 */
export interface SetupConfig {
  /**
   * Shell commands run in the sandbox's working directory before the chapter's first step.
   */
  script?: string
  /**
   * A directory, relative to the configuration file, copied into the working directory first: the state an earlier chapter would leave.
   */
  copyDir?: string
}
/**
 * Environment variables for every step, as strings.
 */
export interface Env {
  [k: string]: string
}
/**
 * The whole content of a file a partial or display block changes.
 */
export interface FileEdit {
  /**
   * The file's path as the doc titles it.
   */
  path: string
  /**
   * The whole file content after the change.
   */
  content: string
  /**
   * Why the file is replaced (the report shows it).
   */
  reason: string
}
/**
 * How far decimal numbers in expected outputs (metrics, losses) may be from the doc's and still be similar; without it they are compared as written.
 */
export interface ToleranceConfig {
  /**
   * A fraction of the doc's value: `0.1` is 10 %.
   */
  relative?: number
  /**
   * A difference in the value's own unit.
   */
  absolute?: number
  /**
   * A tolerance for one expected-output block, keyed `file.md:line` or `line` of its opening fence; wins over the chapter's.
   */
  steps?: {
    [k: string]: NumberTolerance
  }
}
/**
 * How far a decimal number may be from the doc's: within `absolute`, or within `relative` times the doc's value.
 */
export interface NumberTolerance {
  /**
   * A fraction of the doc's value: `0.1` is 10 %.
   */
  relative?: number
  /**
   * A difference in the value's own unit.
   */
  absolute?: number
}
/**
 * Where steps run, top level only (one sandbox per chain of chapters): the isolation mode and the hosts steps may reach. See the sandbox reference.
 */
export interface SandboxConfig {
  /**
   * `auto`: bubblewrap when it works on this machine, else none (said in one line); `bwrap`: always, or an error; `none`: not isolated (the report says so). `--sandbox` wins.
   */
  mode?: 'auto' | 'bwrap' | 'none'
  /**
   * Hosts steps may reach besides the package registries: `github.com`, `*.example.org` (its subdomains), `host:port`, `127.0.0.1:8080` (a server on this machine). The real cloud's endpoints are refused whatever this says.
   */
  allowHosts?: string[]
}
/**
 * The keys a chapter's entry under `chapters` may hold: the same as the top level, without `chapters`.
 */
export interface ChapterConfig {
  placeholders?: Placeholders
  standIns?: StandIns
  timeouts?: TimeoutsConfig
  outputPolicy?: OutputPolicy
  setup?: SetupConfig
  env?: Env
  fileEdits?: FileEdits
  expectFailure?: ExpectFailure
  tolerance?: ToleranceConfig
  /**
   * `true`: the chapter starts from an empty sandbox (or its `setup`), not from the state the numbered chapters before it in the nav leave. Only under `chapters`.
   */
  standalone?: boolean
}
