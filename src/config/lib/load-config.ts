import fs from 'node:fs/promises'
import path from 'node:path'
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml'
import type {Node} from 'yaml'
import type {Diagnostic} from '../../diagnostic/index.js'
import type {Config} from './types.js'
import {validateConfig} from './validate-config.js'
import type {KeyPath, Locate} from './validate-config.js'

/** File names looked for in a directory, in order. */
export const configFileNames: readonly string[] = [
  'docs-verify.config.json',
  'docs-verify.config.yaml',
  'docs-verify.config.yml'
]

export interface LoadedConfig {
  /** The file read, or null when the directory has none. */
  file: string | null
  /** The valid part of the config ({} when there is none). */
  config: Config
  /** Problems, each naming the file, line, key path and what to do. */
  diagnostics: Diagnostic[]
}

/** Line and column of the key (or item) at `keyPath`, falling back to its
 * nearest existing parent. */
function locator(root: Node | null, counter: LineCounter): Locate {
  return (keyPath: KeyPath) => {
    let node: unknown = root
    let offset = 0
    for (const part of keyPath) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part))
        if (!pair) break
        const key = pair.key as Node
        offset = key.range?.[0] ?? offset
        node = pair.value
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part] as Node | undefined
        if (!item) break
        offset = item.range?.[0] ?? offset
        node = item
      } else {
        break
      }
    }
    const {line, col} = counter.linePos(offset)
    return {line, column: col}
  }
}

function parseError(file: string, line: number, column: number, message: string): Diagnostic {
  return {file, line, column, severity: 'error', rule: 'config-parse', message}
}

/** Parse and validate config text; `file` decides JSON or YAML and names
 * the file in diagnostics. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const counter = new LineCounter()
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text)
    } catch (error) {
      // Node's message carries "line L column C" on recent versions.
      const message = (error as Error).message
      const at = /line (\d+) column (\d+)/.exec(message)
      return {
        file,
        config: {},
        diagnostics: [parseError(file, Number(at?.[1] ?? 1), Number(at?.[2] ?? 1), `the file is not valid JSON: ${message}; fix the syntax or use docs-verify.config.yaml`)]
      }
    }
  }
  const document = parseDocument(text, {lineCounter: counter, prettyErrors: false, uniqueKeys: true})
  if (document.errors.length > 0) {
    return {
      file,
      config: {},
      diagnostics: document.errors.map((error) => {
        const {line, col} = counter.linePos(error.pos[0])
        return parseError(file, line, col, `the file is not valid YAML: ${error.message}`)
      })
    }
  }
  const {config, diagnostics} = validateConfig(document.toJS(), file, locator(document.contents, counter))
  return {file, config, diagnostics}
}

/**
 * Load `docs-verify.config.{json,yaml,yml}` from a file path or a directory.
 * A directory without one gives an empty config; bad input gives
 * diagnostics, never an exception.
 */
export async function loadConfig(target: string): Promise<LoadedConfig> {
  let file = target
  let stat: Awaited<ReturnType<typeof fs.stat>> | undefined
  try {
    stat = await fs.stat(target)
  } catch {
    return {file: target, config: {}, diagnostics: [parseError(target, 1, 1, `the path does not exist; give a config file or the directory that holds ${configFileNames.join(' or ')}`)]}
  }
  if (stat.isDirectory()) {
    const found: string[] = []
    for (const name of configFileNames) {
      try {
        await fs.access(path.join(target, name))
        found.push(path.join(target, name))
      } catch {
        // Not this one.
      }
    }
    if (found.length === 0) return {file: null, config: {}, diagnostics: []}
    file = found[0] as string
    if (found.length > 1) {
      const loaded = await loadConfig(file)
      loaded.diagnostics.unshift({
        file,
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'config-ambiguous',
        message: `several config files: ${found.map((name) => path.basename(name)).join(', ')}; this one is used, delete the others`
      })
      return loaded
    }
  } else if (!/\.(json|ya?ml)$/.test(file)) {
    return {file, config: {}, diagnostics: [parseError(file, 1, 1, 'the file has an unknown extension; name it docs-verify.config.json, .yaml or .yml')]}
  }
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    return {file, config: {}, diagnostics: [parseError(file, 1, 1, `the file cannot be read: ${(error as Error).message}`)]}
  }
  return parseConfig(text, file)
}

/** `file:line:column: severity: message (rule)`, one per line, for a terminal. */
export function formatConfigDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule})`)
    .join('\n')
}
