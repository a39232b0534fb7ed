import path from 'node:path'
import {formatConfigDiagnostics, loadConfig} from '../../config/index.js'
import type {Config} from '../../config/index.js'
import {loadGuide} from '../../guide/index.js'
import type {Guide} from '../../guide/index.js'
import {findGuideRoot} from './find-guide-root.js'
import {InputError} from './input-error.js'

/** The guide and the configuration a command works with. */
export interface Workspace {
  cwd: string
  /** Undefined when only loose Markdown paths were given outside a guide. */
  guide: Guide | undefined
  config: Config
  configFile: string | null
}

/**
 * Find and load the guide (nav) and `docs-verify.config.*` (beside the
 * guide's mkdocs.yml, or `--config`). A broken config is an input error
 * naming file, line and key; a guide is optional when `optionalGuide`.
 */
export async function loadWorkspace(options: {cwd: string; guide?: string; config?: string; optionalGuide?: boolean}): Promise<Workspace> {
  let root: string | undefined
  try {
    root = findGuideRoot(options.cwd, options.guide)
  } catch (error) {
    if (!options.optionalGuide || options.guide !== undefined) throw error
  }
  const guide = root === undefined ? undefined : await loadGuide(root)
  const target = options.config !== undefined ? path.resolve(options.cwd, options.config) : (root ?? options.cwd)
  const loaded = await loadConfig(target)
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length > 0) {
    throw new InputError(`the configuration has problems; fix them and run again:\n${formatConfigDiagnostics(errors)}`)
  }
  if (options.config !== undefined && loaded.file === null) {
    throw new InputError(`--config ${options.config}: no docs-verify.config.json, .yaml or .yml there`)
  }
  return {cwd: options.cwd, guide, config: loaded.config, configFile: loaded.file}
}
