import {parseArgs} from 'node:util'
import {UsageError} from './usage-error.js'
import type {CloudOptions} from '../../cloud/index.js'

export type OutputFormat = 'text' | 'sh' | 'json'
export type ReporterName = 'plain' | 'json' | 'junit' | 'github' | 'markdown'

/** One `--reporter NAME[=FILE]`: where a report goes (no file: standard output). */
export interface ReporterTarget {
  name: ReporterName
  file?: string
}
/** `--gcs`: how the cloud stand-ins run (src/cloud's options). */
export type GcsBackend = CloudOptions['gcs']
export type SandboxFlag = 'auto' | 'bwrap' | 'none'

/** What the user asked for, fully validated. */
export type Invocation =
  | {command: 'help'; topic?: string}
  | {command: 'version'}
  | {command: 'list'; options: CommonOptions}
  | {command: 'init'; options: CommonOptions}
  | {command: 'lint'; paths: string[]; format: 'text' | 'json'; options: CommonOptions}
  | {command: 'verify'; targets: string[]; options: VerifyOptions}

export interface CommonOptions {
  /** Folder holding mkdocs.yml / zensical.toml; undefined: search upward. */
  guide?: string
  config?: string
}

export interface VerifyOptions extends CommonOptions {
  dryRun: boolean
  format: OutputFormat
  provider?: string
  tabs: string[]
  set: Record<string, string>
  keep: boolean
  from?: string
  /** Every report asked for, each to its file or (at most one) to standard
   * output; never empty (plain on standard output by default). */
  reporters: ReporterTarget[]
  /** Show tolerated differences and stand-in notes. */
  verbose: boolean
  update: boolean
  step: boolean
  watch: boolean
  noCache: boolean
  jobs: number
  shard?: string
  gcs: GcsBackend
  gcsUrl?: string
  timeout?: number
  /** --sandbox; undefined: the config's sandbox.mode, else auto. */
  sandbox?: SandboxFlag
}

const options = {
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'},
  guide: {type: 'string'},
  config: {type: 'string', short: 'c'},
  'dry-run': {type: 'boolean', short: 'n'},
  format: {type: 'string', short: 'f'},
  provider: {type: 'string', short: 'p'},
  tab: {type: 'string', multiple: true, short: 't'},
  set: {type: 'string', multiple: true, short: 's'},
  keep: {type: 'boolean'},
  from: {type: 'string'},
  reporter: {type: 'string', short: 'r', multiple: true},
  output: {type: 'string', short: 'o'},
  update: {type: 'boolean', short: 'u'},
  step: {type: 'boolean'},
  verbose: {type: 'boolean', short: 'V'},
  watch: {type: 'boolean', short: 'w'},
  'no-cache': {type: 'boolean'},
  jobs: {type: 'string', short: 'j'},
  shard: {type: 'string'},
  gcs: {type: 'string'},
  'gcs-url': {type: 'string'},
  timeout: {type: 'string'},
  sandbox: {type: 'string'}
} as const

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--${flag} takes one of ${allowed.join(', ')}; got \`${value}\``)
}

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`--${flag} takes a whole number of at least 1; got \`${value}\``)
  }
  return number
}

/** Parses `--set 'my project id=mlops-demo'` pairs; the key may use any
 * placeholder style (`<my_project_id>`, `my project id`). */
export function parseSetPairs(pairs: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) {
      throw new UsageError(`--set takes 'placeholder=value' (for example --set 'my project id=mlops-demo'); got \`${pair}\``)
    }
    values[pair.slice(0, at).trim()] = pair.slice(at + 1)
  }
  return values
}

const reporterNames = ['auto', 'plain', 'json', 'junit', 'github', 'markdown'] as const

/**
 * `--reporter NAME[=FILE]` (repeatable) and `-o FILE` into report targets.
 * `-o` names the file of the one reporter given without `=FILE` (the
 * default plain report when none is given). Two reports on standard output,
 * or two into one file, would interleave: a usage error.
 */
export function parseReporters(values: readonly string[], output: string | undefined): ReporterTarget[] {
  const targets: ReporterTarget[] = values.map((value) => {
    const at = value.indexOf('=')
    const rawName = at < 0 ? value : value.slice(0, at)
    const name = oneOf('reporter', rawName, reporterNames, 'plain')
    const target: ReporterTarget = {name: name === 'auto' ? 'plain' : name}
    if (at >= 0) {
      const file = value.slice(at + 1)
      if (file === '') throw new UsageError(`--reporter ${rawName}= needs a file name after \`=\` (for example --reporter ${rawName}=report.out)`)
      target.file = file
    }
    return target
  })
  if (targets.length === 0) targets.push({name: 'plain'})
  if (output !== undefined) {
    const open = targets.filter((target) => target.file === undefined)
    if (open.length !== 1) {
      throw new UsageError(
        open.length === 0
          ? `-o ${output} has no reporter to go with: every --reporter already names its file (NAME=FILE)`
          : `-o ${output} goes with one reporter; give each of ${open.map((target) => target.name).join(', ')} its own file: --reporter NAME=FILE`
      )
    }
    open[0]!.file = output
  }
  const toStdout = targets.filter((target) => target.file === undefined)
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one report can go to standard output, got ${toStdout.map((target) => target.name).join(' and ')}: give the others a file (--reporter junit=report.xml)`
    )
  }
  const seen = new Map<string, string>()
  for (const target of targets) {
    if (target.file === undefined) continue
    const other = seen.get(target.file)
    if (other !== undefined) throw new UsageError(`--reporter ${other} and --reporter ${target.name} both write ${target.file}: give each its own file`)
    seen.set(target.file, target.name)
  }
  return targets
}

/** Turns argv (without node and script) into an {@link Invocation}.
 * Throws {@link UsageError} on anything it cannot accept. */
export function parseInvocation(argv: readonly string[]): Invocation {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}. Run \`docs-verify --help\` for the options.`)
  }
  const {values, positionals} = parsed
  if (values.version) return {command: 'version'}
  if (values.help) return positionals.length > 0 ? {command: 'help', topic: positionals[0]} : {command: 'help'}
  const [first, ...rest] = positionals
  if (first === undefined) {
    throw new UsageError('Say what to verify: a chapter (`docs-verify chapter-7`), `all`, `list`, `lint` or `init`. Run `docs-verify --help` for more.')
  }
  if (first === 'help') return rest[0] === undefined ? {command: 'help'} : {command: 'help', topic: rest[0]}
  const common: CommonOptions = {}
  if (values.guide !== undefined) common.guide = values.guide
  if (values.config !== undefined) common.config = values.config
  if (first === 'list') {
    if (rest.length > 0) throw new UsageError(`\`docs-verify list\` takes no arguments; got \`${rest.join(' ')}\``)
    return {command: 'list', options: common}
  }
  if (first === 'init') {
    if (rest.length > 0) throw new UsageError(`\`docs-verify init\` takes no arguments (it writes docs-verify.config.yaml beside mkdocs.yml, or --config FILE); got \`${rest.join(' ')}\``)
    return {command: 'init', options: common}
  }
  if (first === 'lint') {
    const format = oneOf('format', values.format, ['text', 'json'] as const, 'text')
    return {command: 'lint', paths: rest, format, options: common}
  }
  const verify: VerifyOptions = {
    ...common,
    dryRun: values['dry-run'] ?? false,
    format: oneOf('format', values.format, ['text', 'sh', 'json'] as const, 'text'),
    tabs: values.tab ?? [],
    set: parseSetPairs(values.set ?? []),
    keep: values.keep ?? false,
    reporters: parseReporters(values.reporter ?? [], values.output),
    verbose: values.verbose ?? false,
    update: values.update ?? false,
    step: values.step ?? false,
    watch: values.watch ?? false,
    noCache: values['no-cache'] ?? false,
    jobs: positiveInteger('jobs', values.jobs, 1),
    gcs: oneOf('gcs', values.gcs, ['auto', 'container', 'binary', 'url'] as const, 'auto')
  }
  if (values.provider !== undefined) verify.provider = values.provider
  if (values.from !== undefined) verify.from = values.from
  if (values.shard !== undefined) verify.shard = values.shard
  if (values['gcs-url'] !== undefined) verify.gcsUrl = values['gcs-url']
  if (values.timeout !== undefined) verify.timeout = positiveInteger('timeout', values.timeout, 300)
  if (values.sandbox !== undefined) verify.sandbox = oneOf('sandbox', values.sandbox, ['auto', 'bwrap', 'none'] as const, 'auto')
  if (verify.gcs === 'url' && verify.gcsUrl === undefined) {
    throw new UsageError('--gcs url needs --gcs-url http://HOST:PORT of the emulator you run')
  }
  if (verify.format !== 'text' && !verify.dryRun) {
    throw new UsageError(`--format ${verify.format} describes a plan: add --dry-run (results use --reporter)`)
  }
  if (verify.update && verify.dryRun) throw new UsageError('--update rewrites expected outputs from a real run: it cannot go with --dry-run')
  return {command: 'verify', targets: positionals, options: verify}
}
