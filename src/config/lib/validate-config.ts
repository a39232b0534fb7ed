import type {Diagnostic} from '../../diagnostic/index.js'
import {validate as validateSchema} from './config-validator.generated.js'
import type {Config} from './types.js'

/** A key path into the config: `['standIns', 2, 'reason']`. */
export type KeyPath = (string | number)[]

/** Finds the line (and column) of a key path in the source, when known. */
export type Locate = (path: KeyPath) => {line: number; column: number}

type Schema = {[key: string]: unknown}

/** What ajv's standalone validator reports (compiled with `verbose`, so each
 * error carries the schema it failed and the data it saw). */
interface SchemaError {
  instancePath: string
  keyword: string
  params: {[key: string]: unknown}
  /** Set when the error is about a key's name (`propertyNames`). */
  propertyName?: string
  parentSchema?: Schema
  data?: unknown
}

const check = validateSchema as unknown as {(data: unknown): boolean; errors?: SchemaError[] | null}

/** `standIns[2].reason` */
export function formatKeyPath(path: KeyPath): string {
  let text = ''
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`
  }
  return text || '(top level)'
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value === '' || (typeof value === 'string' && value.trim() === '')) return 'an empty string'
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`
}

/** `/standIns/0/reason` -> `['standIns', 0, 'reason']`, numbers where the data is a list. */
function keyPath(pointer: string, data: unknown): KeyPath {
  const path: KeyPath = []
  let node = data
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const key: string | number = Array.isArray(node) ? Number(part) : part
    path.push(key)
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined
  }
  return path
}

function expected(schema: Schema | undefined): string | undefined {
  const text = schema?.['x-expected']
  return typeof text === 'string' ? text : undefined
}

interface Problem {
  /** Where the diagnostic points. */
  at: KeyPath
  /** What is dropped from the config. */
  drop: KeyPath
  rule: string
  message: string
}

/** One schema error in today's words, or undefined when another error
 * of the same failure says it better. */
function problem(error: SchemaError, data: unknown): Problem | undefined {
  const path = keyPath(error.instancePath, data)
  const schema = error.parentSchema
  const own = (message: string, rule = 'config-type'): Problem => ({at: path, drop: path, rule, message})
  // ajv reports a bad key name twice: the `pattern` error names the key.
  if (error.keyword === 'propertyNames' || error.keyword === 'if') return undefined
  if (error.propertyName !== undefined) {
    const at = [...path, error.propertyName]
    return {at, drop: at, rule: 'config-invalid-key', message: String(schema?.['x-message'] ?? 'is not an allowed key here')}
  }
  if (typeof schema?.['x-message'] === 'string') return own(schema['x-message'], 'config-stand-in-action')
  switch (error.keyword) {
    case 'additionalProperties': {
      const at = [...path, String(error.params.additionalProperty)]
      const allowed = Object.keys((schema?.properties ?? {}) as Schema).filter((key) => key !== '$schema')
      return {at, drop: at, rule: 'config-unknown-key', message: `is not a known key; allowed here: ${allowed.join(', ')}`}
    }
    case 'required': {
      const missing = String(error.params.missingProperty)
      const property = ((schema?.properties ?? {}) as Record<string, Schema>)[missing]
      return {at: [...path, missing], drop: path, rule: 'config-missing-key', message: `is missing: give ${expected(property) ?? 'a value'}`}
    }
    case 'type': {
      const type = error.params.type
      if (type === 'object') return own(`must be a mapping (key: value), not ${typeName(error.data)}`)
      if (type === 'array') return own(`must be a list, not ${typeName(error.data)}`)
      return own(`must be ${expected(schema) ?? String(type)}, not ${typeName(error.data)}`)
    }
    case 'pattern':
      return own(`must be ${expected(schema) ?? 'a non-empty string'}, not ${typeName(error.data)}`)
    default:
      return own(`must be ${expected(schema) ?? 'valid'}, not ${JSON.stringify(error.data)}`)
  }
}

/** A `/regex/flags` stand-in that JavaScript cannot compile: the one rule
 * JSON Schema cannot say. */
function badRegexes(config: Config): Problem[] {
  const problems: Problem[] = []
  const scopes: [KeyPath, Config][] = [[[], config], ...Object.entries(config.chapters ?? {}).map(([key, chapter]): [KeyPath, Config] => [['chapters', key], chapter])]
  for (const [scope, chapter] of scopes) {
    if (!Array.isArray(chapter?.standIns)) continue
    chapter.standIns.forEach((standIn, index) => {
      const regex = typeof standIn?.match === 'string' ? /^\/(.*)\/([a-z]*)$/s.exec(standIn.match) : null
      if (!regex) return
      try {
        new RegExp(regex[1] ?? '', regex[2])
      } catch (error) {
        const at = [...scope, 'standIns', index, 'match']
        problems.push({at, drop: [...scope, 'standIns', index], rule: 'config-invalid-regex', message: `is not a valid regular expression: ${(error as Error).message}`})
      }
    })
  }
  return problems
}

const dropped = Symbol('dropped')

/** A list item (a stand-in, a file edit) is whole or gone: a problem inside
 * one drops all of it, never leaves it half-checked. */
function wholeItem(path: KeyPath): KeyPath {
  const index = path.findIndex((part) => typeof part === 'number')
  return index < 0 ? path : path.slice(0, index + 1)
}

/** Removes each invalid entry; list items go without shifting the others'
 * indexes until all are marked. */
function prune(data: unknown, paths: KeyPath[]): unknown {
  for (const path of paths) {
    if (path.length === 0) return {}
    let parent = data as Record<string | number, unknown> | undefined
    for (const part of path.slice(0, -1)) parent = parent?.[part] as Record<string | number, unknown> | undefined
    const last = path[path.length - 1] as string | number
    if (parent === null || typeof parent !== 'object') continue
    if (Array.isArray(parent)) parent[last as number] = dropped
    else delete parent[last]
  }
  const sweep = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.filter((item) => item !== dropped).map(sweep)
    if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) (node as Record<string, unknown>)[key] = sweep(value)
    }
    return node
  }
  return sweep(data)
}

/**
 * Check a parsed config against schema/docs-verify.config.schema.json.
 * Invalid entries are dropped from the result and each is reported with the
 * key path, the problem and what to write instead; it never throws. The
 * value may be changed in place (YAML's `1` for a string becomes `"1"`,
 * defaults are filled in).
 */
export function validateConfig(
  value: unknown,
  file: string,
  locate: Locate = () => ({line: 1, column: 1})
): {config: Config; diagnostics: Diagnostic[]} {
  const data = value === null || value === undefined ? {} : value
  const problems: Problem[] = []
  if (!check(data)) {
    for (const error of check.errors ?? []) {
      const found = problem(error, data)
      if (found) problems.push(found)
    }
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) problems.push(...badRegexes(data as Config))
  const diagnostics = problems.map((found): Diagnostic => {
    const {line, column} = locate(found.at)
    return {file, line, column, severity: 'error', rule: found.rule, message: `\`${formatKeyPath(found.at)}\` ${found.message}`}
  })
  const config = prune(data, problems.map((found) => wholeItem(found.drop))) as Config
  return {config, diagnostics}
}
