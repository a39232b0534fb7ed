/**
 * Values for a chapter's placeholders, by precedence: `--set` > config >
 * the runner's sandbox (Git remotes) > the doc's own example ("For example,
 * use `mlops-project`") > a generated default that satisfies the obvious rule.
 */
import {createRequire} from 'node:module'
import type {ChapterPlan, PlaceholderUse, PlaceholderValue} from '../types.js'
import {normalizeKey} from './placeholders.js'

export interface PlaceholderSources {
  /** `--set` values; keys in any style (`my_project_id`, `<my project id>`). */
  set?: Record<string, string>
  /** Values from docs-verify.config.*; keys in any style. */
  config?: Record<string, string>
}

/** The runner exports this variable as a local bare Git repository. */
export const sandboxGitRemote = '${DOCS_VERIFY_GIT_REMOTE}'

/** Lowercase, `_` / `-` / spaces to single spaces, angle brackets dropped. */
export function placeholderKey(raw: string): string {
  return normalizeKey(raw.trim())
}

/** `'my project id=mlops-demo'` -> `['my project id', 'mlops-demo']`. */
export function parseSetOption(option: string): [string, string] | undefined {
  const index = option.indexOf('=')
  if (index <= 0) return undefined
  const key = placeholderKey(option.slice(0, index))
  return key === '' ? undefined : [key, option.slice(index + 1)]
}

/** Decide a value for every placeholder of the plan. */
export function resolvePlaceholders(plan: ChapterPlan, sources: PlaceholderSources = {}): PlaceholderValue[] {
  const set = normalizeKeys(sources.set)
  const config = normalizeKeys(sources.config)
  return plan.placeholders.map((use): PlaceholderValue => {
    const key = use.key
    const fromSet = set.get(key)
    if (fromSet !== undefined) return {key, value: fromSet, source: 'set', reason: `--set ${key}=...`}
    const fromConfig = config.get(key)
    if (fromConfig !== undefined) return {key, value: fromConfig, source: 'config', reason: 'placeholders in docs-verify.config'}
    if (/\b(?:git )?(?:repository|repo) url\b|\bgit url\b|\bremote url\b/.test(key)) {
      return {key, value: sandboxGitRemote, source: 'sandbox', reason: 'bound by the runner to a local bare Git repository ($DOCS_VERIFY_GIT_REMOTE)'}
    }
    if (use.example !== undefined) {
      return {key, value: use.example.value, source: 'prose-example', reason: `the doc's example at ${plan.file}:${use.example.line}`}
    }
    return generate(key, plan.slug || plan.file)
  })
}

function normalizeKeys(record: Record<string, string> | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const [key, value] of Object.entries(record ?? {})) map.set(placeholderKey(key), value)
  return map
}

function hash(seed: string, length: number): string {
  // Required here, not imported: loading node:crypto is ~10 ms of a cold
  // `--dry-run`, and most plans generate no hashed value.
  const {createHash} = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')
  return createHash('sha256').update(seed).digest('hex').slice(0, length)
}

function generate(key: string, chapter: string): PlaceholderValue {
  const seed = `${chapter}\u0000${key}`
  const value = (v: string, reason: string): PlaceholderValue => ({key, value: v, source: 'generated', reason})
  if (/\bbilling\b/.test(key)) {
    const h = hash(seed, 18).toUpperCase()
    return value(`${h.slice(0, 6)}-${h.slice(6, 12)}-${h.slice(12, 18)}`, 'billing account id: XXXXXX-XXXXXX-XXXXXX in hex')
  }
  if (/\bproject\b/.test(key)) {
    return value(`docs-verify-${hash(seed, 6)}`, 'GCP project id: 6-30 chars, lowercase letters, digits and hyphens, starts with a letter')
  }
  if (/\bbucket\b/.test(key) && !/\b(?:location|region)\b/.test(key)) {
    return value(`docs-verify-${hash(seed, 8)}`, 'bucket name: 3-63 chars, lowercase letters, digits and hyphens')
  }
  if (/\bzone\b/.test(key)) return value('europe-west6-a', 'a valid Google Cloud zone')
  if (/\b(?:location|region)\b/.test(key)) return value('europe-west6', 'a valid Google Cloud location')
  if (/\b(?:external )?ip(?: address)?\b/.test(key)) return value('127.0.0.1', 'an IP address reachable in the sandbox')
  if (/\bemail\b/.test(key)) return value('docs-verify@example.com', 'an e-mail address of the reserved example.com domain')
  if (/\burl\b/.test(key)) return value('http://127.0.0.1:8080', 'a URL served in the sandbox')
  if (/\bport\b/.test(key)) return value('8080', 'a free TCP port')
  if (/\btoken|password|secret|key\b/.test(key)) return value(`docs-verify-${hash(seed, 16)}`, 'a sandbox-only secret')
  return value(`docs-verify-${hash(seed, 6)}`, 'lowercase letters, digits and hyphens: valid as most names')
}

/**
 * Fill in the placeholders recorded on a step, at their recorded offsets in
 * `text` (the step's text as written). Any other `<token>` stays as written:
 * the doc shows it, the learner was never asked for it.
 */
export function fillPlaceholders(text: string, uses: readonly PlaceholderUse[], values: PlaceholderValue[]): string {
  const byKey = new Map(values.map((value) => [placeholderKey(value.key), value.value]))
  let filled = text
  for (const use of [...uses].sort((a, b) => b.offset - a.offset)) {
    const value = byKey.get(use.key)
    if (value === undefined || text.slice(use.offset, use.offset + use.raw.length) !== use.raw) continue
    filled = filled.slice(0, use.offset) + value + filled.slice(use.offset + use.raw.length)
  }
  return filled
}
