/**
 * The project's `docs-verify.config.{json,yaml,yml}`: what a chapter cannot
 * say itself. The shape is schema/docs-verify.config.schema.json; the types
 * are generated from it (config-types.generated.ts). Plain data.
 */
export type {ChapterConfig, Config, FileEdit, NumberTolerance, OutputPolicy, SetupConfig, StandIn, TimeoutsConfig, ToleranceConfig} from './config-types.generated.js'

/** One command line a stand-in rewrote. */
export interface AppliedStandIn {
  /** 1-based line within the block where the command starts. */
  line: number
  original: string
  /** What runs instead, or null when skipped. */
  replacement: string | null
  reason: string
}
