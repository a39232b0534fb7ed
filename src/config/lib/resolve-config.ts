import path from 'node:path'
import type {ChapterConfig, Config} from './types.js'

/** The runner's timeout when neither the step nor the config sets one. */
export const defaultTimeoutSeconds = 300

function chapterMatches(key: string, chapter: {slug?: string; file?: string}): boolean {
  if (chapter.slug === key) return true
  if (!chapter.file) return false
  const base = path.basename(chapter.file)
  return base === key || base.replace(/\.md$/, '') === key || chapter.file === key
}

/**
 * The config as it applies to one chapter: the chapter's entry (keyed by
 * slug or file name) over the top level. Maps merge key by key; stand-ins
 * and file edits of the chapter come first, so they win over global ones.
 */
export function configForChapter(config: Config, chapter: {slug?: string; file?: string}): ChapterConfig {
  const own = Object.entries(config.chapters ?? {}).find(([key]) => chapterMatches(key, chapter))?.[1] ?? {}
  const merged: ChapterConfig = {}
  const placeholders = {...config.placeholders, ...own.placeholders}
  if (Object.keys(placeholders).length > 0) merged.placeholders = placeholders
  const standIns = [...(own.standIns ?? []), ...(config.standIns ?? [])]
  if (standIns.length > 0) merged.standIns = standIns
  if (config.timeouts || own.timeouts) {
    merged.timeouts = {...config.timeouts, ...own.timeouts}
    const steps = {...config.timeouts?.steps, ...own.timeouts?.steps}
    if (Object.keys(steps).length > 0) merged.timeouts.steps = steps
  }
  const outputPolicy = own.outputPolicy ?? config.outputPolicy
  if (outputPolicy) merged.outputPolicy = outputPolicy
  const setup = own.setup ?? config.setup
  if (setup) merged.setup = setup
  const env = {...config.env, ...own.env}
  if (Object.keys(env).length > 0) merged.env = env
  const fileEdits = [...(own.fileEdits ?? []), ...(config.fileEdits ?? [])]
  if (fileEdits.length > 0) merged.fileEdits = fileEdits
  // Only a chapter's own entry can make it start on its own.
  if (own.standalone !== undefined) merged.standalone = own.standalone
  const expectFailure = [...(own.expectFailure ?? []), ...(config.expectFailure ?? [])]
  if (expectFailure.length > 0) merged.expectFailure = expectFailure
  if (config.tolerance || own.tolerance) {
    merged.tolerance = {...config.tolerance, ...own.tolerance}
    const steps = {...config.tolerance?.steps, ...own.tolerance?.steps}
    if (Object.keys(steps).length > 0) merged.tolerance.steps = steps
  }
  return merged
}

/** Whether a step key (`file.md:line` or `line`) names this step. */
function keyNames(key: string, step: {file: string; line: number}): boolean {
  const colon = key.lastIndexOf(':')
  if (colon < 0) return Number(key) === step.line
  const file = key.slice(0, colon)
  return Number(key.slice(colon + 1)) === step.line && (step.file === file || step.file.endsWith(`/${file}`))
}

/** Whether the config says this command block is expected to fail. */
export function expectsFailure(config: ChapterConfig, step: {file: string; line: number}): boolean {
  return (config.expectFailure ?? []).some((key) => keyNames(key, step))
}

/** The number tolerance for an expected-output block: its own entry in
 * `tolerance.steps` (by `file.md:line`, then `line`), else the chapter's,
 * else none. */
export function toleranceFor(config: ChapterConfig, step: {file: string; line: number}): {relative?: number; absolute?: number} | undefined {
  const tolerance = config.tolerance
  if (!tolerance) return undefined
  const entries = Object.entries(tolerance.steps ?? {})
  const own = entries.find(([key]) => key.includes(':') && keyNames(key, step)) ?? entries.find(([key]) => !key.includes(':') && keyNames(key, step))
  if (own) return own[1]
  const {relative, absolute} = tolerance
  if (relative === undefined && absolute === undefined) return undefined
  return {...(relative === undefined ? {} : {relative}), ...(absolute === undefined ? {} : {absolute})}
}

/**
 * Timeout of one step in milliseconds: `timeouts.steps["file.md:line"]`,
 * then `timeouts.steps["line"]`, then `timeouts.default`, then 300 s.
 */
export function stepTimeoutMs(config: ChapterConfig, step: {file: string; line: number}): number {
  const steps = config.timeouts?.steps ?? {}
  for (const [key, seconds] of Object.entries(steps)) {
    const colon = key.lastIndexOf(':')
    if (colon < 0) continue
    const file = key.slice(0, colon)
    if (Number(key.slice(colon + 1)) !== step.line) continue
    if (step.file === file || step.file.endsWith(`/${file}`)) return seconds * 1000
  }
  const byLine = steps[String(step.line)]
  if (byLine !== undefined) return byLine * 1000
  return (config.timeouts?.default ?? defaultTimeoutSeconds) * 1000
}

/** The replacement content a config gives for a file a block changes. */
export function fileEditFor(config: ChapterConfig, filePath: string): {content: string; reason: string} | undefined {
  const normalised = path.posix.normalize(filePath)
  const edit = config.fileEdits?.find((entry) => path.posix.normalize(entry.path) === normalised)
  return edit ? {content: edit.content, reason: edit.reason} : undefined
}
