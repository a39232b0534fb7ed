import {createHash} from 'node:crypto'
import {canonicalJson} from './canonical-json.js'

/** What decides a chapter's end state. */
export interface SnapshotKeyInput {
  /** The chapter's plan (`ChapterPlan` or the variant run), as JSON data. */
  plan: unknown
  /** The resolved configuration (placeholder values, tool paths, ...). */
  config: unknown
  /** Key of the snapshot the chapter started from; null for the first. */
  parentKey: string | null
  /** Tool version salt: a new runner must not reuse an old runner's state. */
  salt: string
}

/** Format version of the key itself: bump to orphan every old snapshot. */
const keyFormat = 1

/**
 * Content hash (sha256, hex) of a chapter's inputs. Chained through
 * `parentKey`, so an edit to chapter N changes the keys of N and after.
 */
export function snapshotKey(input: SnapshotKeyInput): string {
  const text = canonicalJson({
    format: keyFormat,
    plan: input.plan,
    config: input.config,
    parentKey: input.parentKey ?? null,
    salt: input.salt
  })
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Keys for an ordered list of chapters, each built on the previous one.
 */
export function chainKeys(
  chapters: readonly {slug: string; plan: unknown}[],
  config: unknown,
  salt: string
): {slug: string; key: string}[] {
  const result: {slug: string; key: string}[] = []
  let parentKey: string | null = null
  for (const chapter of chapters) {
    const key = snapshotKey({plan: chapter.plan, config, parentKey, salt})
    result.push({slug: chapter.slug, key})
    parentKey = key
  }
  return result
}
