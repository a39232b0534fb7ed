/**
 * The plan: plain data between the stages (extract -> plan -> run -> report).
 *
 * The extractor produces it from Markdown and knows nothing of processes; the
 * runner consumes it and knows nothing of Markdown. `docs-verify <chapter>
 * --dry-run --format json` prints it: this file is the stable contract.
 */
import type {Diagnostic} from '../diagnostic/index.js'

/** Where something sits in a Markdown file. Lines and columns are 1-based and
 * always those of the original file, whatever container it is nested in. */
export interface SourceLocation {
  file: string
  line: number
  column?: number
}

/** A placeholder such as `<my project id>` or `<my_project_id>` in a step. */
export interface PlaceholderUse {
  /** Exactly as written, angle brackets included: `<my project id>`. */
  raw: string
  /** Normalised key: lowercase, words joined by single spaces: `my project id`. */
  key: string
  line: number
  column: number
  /** 0-based offset of `raw` in the step's `text`: where a value is filled
   * in (by this position only, never by matching the pattern again). */
  offset: number
  /** Why the token is a placeholder: it stands in a command the learner
   * types, or the prose asks to replace it (line of that prose). */
  because: {kind: 'command'} | {kind: 'prose'; line: number}
  /** Set on `ChapterPlan.placeholders` entries when the doc suggests a value
   * ("For example, use `mlops-project`"): the value and the prose line. */
  example?: {value: string; line: number}
}

/** Where a placeholder's value came from. */
export type PlaceholderSource =
  | 'set' // --set on the command line
  | 'config' // docs-verify.config.*
  | 'prose-example' // "For example, use `mlops-project`" in the doc itself
  | 'generated' // a default that satisfies the obvious rule
  | 'sandbox' // bound by the runner (a local bare Git repository, ...)

export interface PlaceholderValue {
  key: string
  value: string
  source: PlaceholderSource
  /** Why this value: the rule it satisfies or the line it was read from. */
  reason: string
}

export interface VariableUse {
  name: string
  line: number
}

interface StepBase {
  /** Stable within a chapter: `<kind>@<line>`. */
  id: string
  file: string
  /** Line of the opening fence. */
  line: number
  /** Line of the closing fence (or of the last line when unclosed). */
  endLine: number
  /** Headings the block sits under, outermost first (text only). */
  headings: string[]
  /** Enclosing content-tab labels, outermost first, emoji shortcodes stripped. */
  tabs: string[]
  /** The fence's `title="..."`, if any. */
  title?: string
  /** The fence's language (`sh`, `txt`, `diff`, ...), if any. */
  lang?: string
  /** The block's content with the container indentation removed, as written
   * in the doc (placeholders not filled in). */
  text: string
  /** Notes for the reader: why a block was kept, flagged or classified. */
  notes: string[]
}

export interface CommandStep extends StepBase {
  kind: 'command'
  /** "... in a second/separate terminal": runs beside the following steps. */
  concurrent: boolean
  /** false for a bare or untitled `sh` block kept because it defines
   * something (an `export`) a later command uses. */
  titled: boolean
  placeholders: PlaceholderUse[]
  /** `export X=...` (and `X=...`) in this block. */
  binds: string[]
  /** `$X` / `${X}` this block reads. */
  uses: VariableUse[]
  /** The prose announces that the command fails ("Spoiler, it will fail:"):
   * a non-zero exit is the expected result. */
  announcedFailure?: ProseCue
  /** The prose says someone else runs it ("Another member of your team can
   * easily clone the experiment"): not in the learner's project. */
  someoneElse?: ProseCue
}

/** The prose that decided something, and its line. */
export interface ProseCue {
  cue: string
  line: number
}

export type FileMode =
  | 'full' // the block is the whole file: write it
  | 'partial' // "Add the following ... after": a change inside the file
  | 'display' // shown only (a file a tool generates)

export interface FileStep extends StepBase {
  kind: 'file'
  /** The path from the title, relative to the working directory. */
  path: string
  mode: FileMode
  /** The prose cue (or rule) that decided `mode`. */
  modeReason: string
  /** `hl_lines="4 9-11"` expanded: [4, 9, 10, 11]. */
  hlLines: number[]
  placeholders: PlaceholderUse[]
}

export interface ExpectStep extends StepBase {
  kind: 'expect'
  /** `id` of the command step whose output this describes, or null. */
  forStep: string | null
  /** The prose that introduced it ("The output should be similar to this:"). */
  cue: string
  /** What is compared: `output` of a command, or a `tree` of the workspace. */
  target: 'output' | 'tree'
  /** The fence's body lines in the file (for --update), 1-based inclusive;
   * empty block: bodyStartLine = endLine, bodyEndLine = endLine - 1. */
  bodyStartLine: number
  bodyEndLine: number
  /** Columns of container indentation in front of every body line. */
  indent: number
  /** Placeholders the learner was asked for (in a command or by the prose)
   * that occur in the expected text; no other `<token>` is filled in. */
  placeholders: PlaceholderUse[]
  /** `target: 'tree'`: the paths the tree names (empty for output). */
  tree: TreeEntry[]
}

/** A file or folder a directory tree names. */
export interface TreeEntry {
  /** Relative to the working directory, `/`-separated, no `./` prefix. */
  path: string
  /** `directory` when the tree lists something under it or writes it with
   * a trailing `/`; `any` for a leaf (a file, or a folder shown closed). */
  type: 'directory' | 'any'
  /** Line in the Markdown file. */
  line: number
  /** A `...` line under this folder: its listing is not complete. */
  elided: boolean
}

export type Step = CommandStep | FileStep | ExpectStep
export type StepKind = Step['kind']

/** One choice of tabs: a learner on Google Cloud + GitHub + Linux. */
export interface Variant {
  /** Tab slugs joined by `+` (`google-cloud+github`), or `default`. */
  id: string
  /** Chosen labels, one per tab dimension that holds steps. */
  choices: {dimension: string; label: string; slug: string}[]
  steps: Step[]
}

/** A problem at a place in a file (defined below every stage that reports
 * one; part of this contract). */
export type {Diagnostic, Severity} from '../diagnostic/index.js'

/** What a fenced block of the chapter is, from its fence and prose. */
export type BlockKind =
  | 'command' // runs in the learner's terminal
  | 'file' // a file's content (see `mode`)
  | 'output' // what a command prints
  | 'tree' // a directory tree of the working directory
  | 'reference' // shown for reading only: diagrams, cheat sheets, examples

/** What a run does with a block. */
export type BlockCoverage =
  | 'verified' // run, written or compared
  | 'display-only' // shown to the learner, nothing to run or compare
  | 'not-verified' // could say something checkable, but is not checked

/** Every fenced block of the chapter, accounted for. */
export interface BlockPlan {
  /** Opening and closing fence lines. */
  line: number
  endLine: number
  kind: BlockKind
  /** `kind: 'file'`: how it applies. */
  mode?: FileMode
  /** Why this kind: the fence, title or prose that decided it. */
  reason: string
  /** The step made from it; absent when none (reference, unbound output). */
  stepId?: string
  coverage: BlockCoverage
  /** Why it is display-only or not verified (absent when verified). */
  coverageReason?: string
}

export interface ChapterPlan {
  file: string
  /** First `#` heading, or the nav title. */
  title: string
  /** `chapter-7` style key when the title or file name has a number. */
  slug: string
  variants: Variant[]
  /** Every placeholder key used in the chapter with its first use. */
  placeholders: PlaceholderUse[]
  /** Variables a step uses that no step of the chapter binds (come from an
   * earlier chapter). */
  inheritedVariables: VariableUse[]
  /** Every fenced block in document order, each with its kind and reason. */
  blocks: BlockPlan[]
  /** Things noted while planning: tab groups with no commands, flagged
   * blocks. Never fatal. */
  notes: Diagnostic[]
}
