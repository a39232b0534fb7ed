/**
 * Config text to a config with diagnostics. Its own module so that a
 * command in a folder without a config never loads the YAML parser and the
 * schema validator (a cold `--dry-run` pays for every module it loads).
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml'
import type {Node} from 'yaml'
import type {LoadedConfig} from './load-config.js'
import {parseError} from './parse-error.js'
import {validateConfig} from './validate-config.js'
import type {KeyPath, Locate} from './validate-config.js'

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
