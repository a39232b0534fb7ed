import type {Diagnostic} from '../../plan/types.js'
import type {ChapterConfig, Config, FileEdit, NumberTolerance, StandIn, ToleranceConfig} from './types.js'

/** A key path into the config: `['standIns', 2, 'reason']`. */
export type KeyPath = (string | number)[]

/** Finds the line (and column) of a key path in the source, when known. */
export type Locate = (path: KeyPath) => {line: number; column: number}

const chapterKeys = ['placeholders', 'standIns', 'timeouts', 'outputPolicy', 'setup', 'env', 'fileEdits', 'standalone', 'expectFailure', 'tolerance'] as const
const stepKey = /^(.+:)?\d+$/
const stepKeyHint = 'must be `file.md:line` or `line` (the line of the step\'s opening fence)'
// `standalone` says where one chapter starts: it has no meaning for all.
const topKeys = [...chapterKeys.filter((key) => key !== 'standalone'), 'chapters'] as const

/** `standIns[2].reason` */
export function formatKeyPath(path: KeyPath): string {
  let text = ''
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`
  }
  return text || '(top level)'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`
}

class Validator {
  readonly diagnostics: Diagnostic[] = []
  readonly #file: string
  readonly #locate: Locate

  constructor(file: string, locate: Locate) {
    this.#file = file
    this.#locate = locate
  }

  error(path: KeyPath, rule: string, message: string): void {
    const {line, column} = this.#locate(path)
    this.diagnostics.push({file: this.#file, line, column, severity: 'error', rule, message: `\`${formatKeyPath(path)}\` ${message}`})
  }

  record(value: unknown, path: KeyPath): Record<string, unknown> | undefined {
    if (isRecord(value)) return value
    this.error(path, 'config-type', `must be a mapping (key: value), not ${typeName(value)}`)
    return undefined
  }

  knownKeys(value: Record<string, unknown>, path: KeyPath, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key) || (path.length === 0 && key === '$schema')) continue
      this.error([...path, key], 'config-unknown-key', `is not a known key; allowed here: ${allowed.join(', ')}`)
    }
  }

  string(value: unknown, path: KeyPath, what: string): string | undefined {
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    this.error(path, 'config-type', `must be ${what}, not ${typeName(value)}`)
    return undefined
  }

  strictString(value: unknown, path: KeyPath, what: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value
    this.error(path, value === undefined ? 'config-missing-key' : 'config-type', value === undefined ? `is missing: give ${what}` : `must be ${what}, not ${typeName(value)}`)
    return undefined
  }

  seconds(value: unknown, path: KeyPath): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
    this.error(path, 'config-type', `must be a number of seconds greater than 0, not ${JSON.stringify(value)}`)
    return undefined
  }

  stringMap(value: unknown, path: KeyPath, what: string, nameRule?: {pattern: RegExp; hint: string}): Record<string, string> | undefined {
    const map = this.record(value, path)
    if (!map) return undefined
    const out: Record<string, string> = {}
    for (const [key, item] of Object.entries(map)) {
      if (nameRule && !nameRule.pattern.test(key)) {
        this.error([...path, key], 'config-invalid-key', nameRule.hint)
        continue
      }
      const text = this.string(item, [...path, key], what)
      if (text !== undefined) out[key] = text
    }
    return out
  }

  standIn(value: unknown, path: KeyPath): StandIn | undefined {
    const item = this.record(value, path)
    if (!item) return undefined
    this.knownKeys(item, path, ['match', 'run', 'skip', 'reason'])
    const match = this.strictString(item.match, [...path, 'match'], 'the command line to replace (literal, or /regex/)')
    const reason = this.strictString(item.reason, [...path, 'reason'], 'why the command is replaced (the report shows it)')
    let ok = match !== undefined && reason !== undefined
    if (match !== undefined) {
      const regex = /^\/(.*)\/([a-z]*)$/s.exec(match)
      if (regex) {
        try {
          new RegExp(regex[1] ?? '', regex[2])
        } catch (error) {
          this.error([...path, 'match'], 'config-invalid-regex', `is not a valid regular expression: ${(error as Error).message}`)
          ok = false
        }
      }
    }
    if (item.skip !== undefined && typeof item.skip !== 'boolean') {
      this.error([...path, 'skip'], 'config-type', 'must be true or false')
      ok = false
    }
    if (item.run !== undefined && typeof item.run !== 'string') {
      this.error([...path, 'run'], 'config-type', `must be the command to run instead, not ${typeName(item.run)}`)
      ok = false
    }
    const skip = item.skip === true
    const hasRun = typeof item.run === 'string'
    if (skip === hasRun && ok) {
      this.error(path, 'config-stand-in-action', skip ? 'has both `run` and `skip: true`: keep one' : 'needs `run` (what runs instead) or `skip: true`')
      ok = false
    }
    if (!ok || match === undefined || reason === undefined) return undefined
    return skip ? {match, skip: true, reason} : {match, run: item.run as string, reason}
  }

  fileEdit(value: unknown, path: KeyPath): FileEdit | undefined {
    const item = this.record(value, path)
    if (!item) return undefined
    this.knownKeys(item, path, ['path', 'content', 'reason'])
    const file = this.strictString(item.path, [...path, 'path'], 'the file path as the doc titles it')
    const content = typeof item.content === 'string' ? item.content : undefined
    if (content === undefined) this.error([...path, 'content'], item.content === undefined ? 'config-missing-key' : 'config-type', 'must be the whole file content after the change (a string)')
    const reason = this.strictString(item.reason, [...path, 'reason'], 'why the file is replaced (the report shows it)')
    return file !== undefined && content !== undefined && reason !== undefined ? {path: file, content, reason} : undefined
  }

  numberTolerance(value: unknown, path: KeyPath, allowed: readonly string[]): NumberTolerance | undefined {
    const item = this.record(value, path)
    if (!item) return undefined
    this.knownKeys(item, path, allowed)
    const out: NumberTolerance = {}
    for (const key of ['relative', 'absolute'] as const) {
      const bound = item[key]
      if (bound === undefined) continue
      if (typeof bound === 'number' && Number.isFinite(bound) && bound >= 0) out[key] = bound
      else this.error([...path, key], 'config-type', `must be a number of 0 or more (${key === 'relative' ? '0.1 is 10 %' : 'in the unit of the value'}), not ${JSON.stringify(bound)}`)
    }
    return out
  }

  list<T>(value: unknown, path: KeyPath, item: (value: unknown, path: KeyPath) => T | undefined): T[] | undefined {
    if (!Array.isArray(value)) {
      this.error(path, 'config-type', `must be a list, not ${typeName(value)}`)
      return undefined
    }
    const out: T[] = []
    value.forEach((entry, index) => {
      const checked = item(entry, [...path, index])
      if (checked !== undefined) out.push(checked)
    })
    return out
  }

  chapter(value: Record<string, unknown>, path: KeyPath, allowed: readonly string[]): ChapterConfig {
    this.knownKeys(value, path, allowed)
    const out: ChapterConfig = {}
    if (value.placeholders !== undefined) {
      const placeholders = this.stringMap(value.placeholders, [...path, 'placeholders'], 'the value to fill in (a string)')
      if (placeholders) out.placeholders = placeholders
    }
    if (value.standIns !== undefined) {
      const standIns = this.list(value.standIns, [...path, 'standIns'], (entry, at) => this.standIn(entry, at))
      if (standIns) out.standIns = standIns
    }
    if (value.timeouts !== undefined) {
      const timeouts = this.record(value.timeouts, [...path, 'timeouts'])
      if (timeouts) {
        this.knownKeys(timeouts, [...path, 'timeouts'], ['default', 'steps'])
        out.timeouts = {}
        if (timeouts.default !== undefined) {
          const seconds = this.seconds(timeouts.default, [...path, 'timeouts', 'default'])
          if (seconds !== undefined) out.timeouts.default = seconds
        }
        if (timeouts.steps !== undefined) {
          const steps = this.record(timeouts.steps, [...path, 'timeouts', 'steps'])
          if (steps) {
            out.timeouts.steps = {}
            for (const [key, seconds] of Object.entries(steps)) {
              const at = [...path, 'timeouts', 'steps', key]
              if (!stepKey.test(key)) {
                this.error(at, 'config-invalid-key', stepKeyHint)
                continue
              }
              const checked = this.seconds(seconds, at)
              if (checked !== undefined) out.timeouts.steps[key] = checked
            }
          }
        }
      }
    }
    if (value.outputPolicy !== undefined) {
      const policy = this.record(value.outputPolicy, [...path, 'outputPolicy'])
      if (policy) {
        this.knownKeys(policy, [...path, 'outputPolicy'], ['extraLines'])
        const extra = policy.extraLines ?? 'warn'
        if (extra === 'warn' || extra === 'fail') out.outputPolicy = {extraLines: extra}
        else this.error([...path, 'outputPolicy', 'extraLines'], 'config-type', `must be "warn" or "fail", not ${JSON.stringify(extra)}`)
      }
    }
    if (value.setup !== undefined) {
      const setup = this.record(value.setup, [...path, 'setup'])
      if (setup) {
        this.knownKeys(setup, [...path, 'setup'], ['script', 'copyDir'])
        out.setup = {}
        if (setup.script !== undefined) {
          const script = this.strictString(setup.script, [...path, 'setup', 'script'], 'shell commands (a string)')
          if (script !== undefined) out.setup.script = script
        }
        if (setup.copyDir !== undefined) {
          const dir = this.strictString(setup.copyDir, [...path, 'setup', 'copyDir'], 'a directory path relative to the config file')
          if (dir !== undefined) out.setup.copyDir = dir
        }
      }
    }
    if (value.env !== undefined) {
      const env = this.stringMap(value.env, [...path, 'env'], 'the variable\'s value (a string)', {
        pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
        hint: 'is not a shell variable name: use letters, digits and _, not starting with a digit'
      })
      if (env) out.env = env
    }
    if (value.fileEdits !== undefined) {
      const edits = this.list(value.fileEdits, [...path, 'fileEdits'], (entry, at) => this.fileEdit(entry, at))
      if (edits) out.fileEdits = edits
    }
    if (value.standalone !== undefined) {
      if (typeof value.standalone === 'boolean') out.standalone = value.standalone
      else this.error([...path, 'standalone'], 'config-type', 'must be true or false')
    }
    if (value.expectFailure !== undefined) {
      const keys = this.list(value.expectFailure, [...path, 'expectFailure'], (entry, at) => {
        const key = typeof entry === 'number' ? String(entry) : entry
        if (typeof key === 'string' && stepKey.test(key)) return key
        this.error(at, 'config-type', stepKeyHint)
        return undefined
      })
      if (keys) out.expectFailure = keys
    }
    if (value.tolerance !== undefined) {
      const at = [...path, 'tolerance']
      const tolerance: ToleranceConfig | undefined = this.numberTolerance(value.tolerance, at, ['relative', 'absolute', 'steps'])
      const steps = tolerance && (value.tolerance as Record<string, unknown>).steps
      if (tolerance && steps !== undefined) {
        const map = this.record(steps, [...at, 'steps'])
        if (map) {
          tolerance.steps = {}
          for (const [key, entry] of Object.entries(map)) {
            if (!stepKey.test(key)) {
              this.error([...at, 'steps', key], 'config-invalid-key', stepKeyHint)
              continue
            }
            const own = this.numberTolerance(entry, [...at, 'steps', key], ['relative', 'absolute'])
            if (own) tolerance.steps[key] = own
          }
        }
      }
      if (tolerance) out.tolerance = tolerance
    }
    return out
  }
}

/**
 * Check a parsed config. Invalid entries are dropped from the result and
 * each is reported with the key path, the problem and what to write instead;
 * it never throws.
 */
export function validateConfig(
  value: unknown,
  file: string,
  locate: Locate = () => ({line: 1, column: 1})
): {config: Config; diagnostics: Diagnostic[]} {
  const validator = new Validator(file, locate)
  const top = value === null || value === undefined ? {} : validator.record(value, [])
  if (!top) return {config: {}, diagnostics: validator.diagnostics}
  const config: Config = validator.chapter(top, [], topKeys)
  if (top.chapters !== undefined) {
    const chapters = validator.record(top.chapters, ['chapters'])
    if (chapters) {
      config.chapters = {}
      for (const [key, chapter] of Object.entries(chapters)) {
        const record = validator.record(chapter, ['chapters', key])
        if (record) config.chapters[key] = validator.chapter(record, ['chapters', key], chapterKeys)
      }
    }
  }
  return {config, diagnostics: validator.diagnostics}
}
