/**
 * What a verification run found, per chapter and variant: plain data the
 * reporters render (JSON, JUnit XML, GitHub workflow commands, plain text).
 */
import type {StepKind} from '../plan/types.js'

export interface VerifyReport {
  tool: 'docs-verify'
  version: string
  /** ISO 8601 start time of the run. */
  startedAt: string
  durationMs: number
  /** Where the steps ran: absent in reports of older versions. */
  sandbox?: SandboxReport
  chapters: ChapterReport[]
}

/** The isolation a run had (`--sandbox`). */
export interface SandboxReport {
  mode: 'bwrap' | 'none'
  /** False: the steps could touch the user's files, processes and network. */
  isolated: boolean
  networkFiltered: boolean
  /** Which mode and why, as printed at the start. */
  reason: string
  /** The network policy, when filtered. */
  network?: string
  /** Hosts a step tried to reach and was refused. */
  deniedHosts?: {target: string; reason: string; count: number}[]
}

/** `restored`: the chapter did not run; its end state came from the cache. */
export type ChapterStatus = 'passed' | 'failed' | 'error' | 'restored'

export interface ChapterReport {
  file: string
  title: string
  slug: string
  /** Variant id (`google-cloud+github`, `default`). */
  variant: string
  status: ChapterStatus
  durationMs: number
  steps: StepReport[]
  checks: CheckReport[]
  /** Why the chapter could not run (status `error`). */
  message?: string
}

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'not-applied' | 'stood-in' | 'timed-out'

export interface StepReport {
  /** The plan step id: `<kind>@<line>`. */
  id: string
  kind: StepKind
  file: string
  /** Line of the step's opening fence. */
  line: number
  /** Headings the block sits under, outermost first: with the kind, the
   * step's name in JUnit, which moving lines does not change. */
  headings?: string[]
  status: StepStatus
  title?: string
  /** The command as the learner types it (placeholders filled in, before
   * stand-ins: their notes say what ran instead), for command steps and the
   * expected outputs bound to them. */
  command?: string
  durationMs: number
  /** Why it failed, was skipped or stood in. */
  message?: string
  /** Line of the expected-output block compared with this step's output. */
  expectLine?: number
  /** Unified diff of expected against actual output. */
  diff?: string
  /** The exact Markdown line at fault: the first expected line that
   * differs, or the line of the command that failed. */
  failedLine?: number
  /** For an output that differs: the doc's block and what the terminal
   * printed, shown side by side. */
  expected?: string
  actual?: string
  notes: string[]
}

export interface CheckReport {
  name: string
  status: 'passed' | 'failed'
  message: string
  file: string
  line: number
}
