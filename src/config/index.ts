/**
 * `docs-verify.config.{json,yaml,yml}`: loading with diagnostics that name
 * the file, line and key, per-chapter resolution, and stand-ins that rewrite
 * command lines with a reason.
 */
export {configFileNames, formatConfigDiagnostics, loadConfig} from './lib/load-config.js'
export {parseConfig} from './lib/parse-config.js'
export type {LoadedConfig} from './lib/load-config.js'
export {formatKeyPath, validateConfig} from './lib/validate-config.js'
export type {KeyPath, Locate} from './lib/validate-config.js'
export {configForChapter, defaultTimeoutSeconds, expectsFailure, fileEditFor, stepTimeoutMs, toleranceFor} from './lib/resolve-config.js'
export type {
  AppliedStandIn,
  ChapterConfig,
  Config,
  FileEdit,
  NumberTolerance,
  OutputPolicy,
  SetupConfig,
  StandIn,
  TimeoutsConfig,
  ToleranceConfig
} from './lib/types.js'
