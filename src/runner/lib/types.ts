/**
 * Plain data the runner hands back: every result is JSON-serialisable so the
 * check and report stages (and `--format json`) can use it as is.
 */

/** Why a timed-out command did not finish. */
export type HangReason = 'waiting-for-input' | 'foreground-server' | 'still-running'

export interface HangInfo {
  reason: HangReason
  /** 1-based line within the block where the running command starts. */
  line: number
  /** That command as written in the block (continuation lines included). */
  command: string
  /** The same line in the doc, when the input gave the fence's line. */
  docLine?: number
  /** What pointed to the reason: the prompt text, the port, ... */
  evidence: string
  /** Listening TCP ports owned by the block's processes, if any. */
  ports?: number[]
}

/** The first command of a block that failed: the block stopped there, as
 * a learner would. */
export interface FailedCommand {
  /** 1-based line within the block where the command starts. */
  line: number
  /** As written in the block (continuation lines included). */
  command: string
  exitCode: number
  /** The same line in the doc, when the input gave the fence's line. */
  docLine?: number
}

export interface CommandInput {
  /** Step id (`command@12`): names the scripts and logs of this run. */
  id: string
  /** The block's text, as the learner would paste it. */
  text: string
  /** Overrides the session's default timeout. */
  timeoutMs?: number
  /** "In a second terminal": started in the background, stopped at close(). */
  concurrent?: boolean
  /** Where the block sits, for reports only: with `line` (the opening
   * fence, as in the plan's steps) a block line k is doc line `line + k`. */
  file?: string
  line?: number
}

export interface CommandResult {
  id: string
  /** Copied from the input, when given. */
  file?: string
  line?: number
  /** Exit status of the block: the first failing command's status, the
   * status given to `exit`, or 0. null when killed by a signal or still
   * running in the background. */
  exitCode: number | null
  /** Signal that ended the shell (after a timeout: SIGTERM or SIGKILL). */
  signal: string | null
  /** What the learner sees: stdout and stderr in arrival order (exact
   * order with the session's `mergeStreams`). */
  output: string
  stdout: string
  stderr: string
  durationMs: number
  timedOut: boolean
  /** True when an output stream went over the cap and its middle was cut. */
  truncated: boolean
  hang?: HangInfo
  failedCommand?: FailedCommand
  /** Set for concurrent steps: where their output goes while they run. */
  background?: {pid: number; logFile: string}
  /** Processes the block left running in the background (`cmd &`); they
   * live until the chapter ends, like in a terminal. */
  leftRunning?: number[]
  /** The block ended the shell itself (`exit`, `exec`, or a hang the shell
   * did not come back from); the next block runs in a new one. */
  shellEnded?: ShellEnded
}

export interface ShellEnded {
  how: 'exit' | 'died' | 'killed'
  /** True when the new shell has the state the old one had at its end;
   * false when it starts from the state saved at the chapter's start. */
  stateKept: boolean
  /** One sentence for the report. */
  message: string
}

/** A concurrent step's fate, reported at close(). */
export interface BackgroundReport {
  id: string
  pid: number
  logFile: string
  /** The log, capped like command output. */
  output: string
  /** Still running at close() (and then stopped), as a server should be. */
  stoppedAtClose: boolean
  exitCode: number | null
  signal: string | null
}

export type FileStepStatus = 'written' | 'not-applied'

export interface FileStepResult {
  id: string
  status: FileStepStatus
  /** Absolute path written (or that would have been). */
  path: string
  reason: string
}
