import fs from 'node:fs/promises'
import path from 'node:path'
import type {Diagnostic} from '../../diagnostic/index.js'
import type {Config} from './types.js'
import {parseError} from './parse-error.js'

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
  const {parseConfig} = await import('./parse-config.js')
  return parseConfig(text, file)
}

/** `file:line:column: severity: message (rule)`, one per line, for a terminal. */
export function formatConfigDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule})`)
    .join('\n')
}
