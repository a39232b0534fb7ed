import {checkBucket} from './effects-bucket.js'

/** An md5 DVC tracks, and what it stands for. */
export interface TrackedMd5 {
  /** 32 hex digits, with `.dir` for a directory listing. */
  md5: string
  /** The workspace path (`data/raw`), for messages. */
  path?: string
}

/** Result of {@link checkDvcPushed}. */
export interface DvcPushCheck {
  ok: boolean
  bucket: string
  prefix: string
  /** Expected object names that are there. */
  present: string[]
  /** What is missing, one entry per md5. */
  missing: (TrackedMd5 & {object: string})[]
  /** One line per problem, for a report. */
  messages: string[]
}

/** Object name DVC 3 pushes an md5 to: `<prefix>/files/md5/ab/cdef...`. */
export function dvcObjectName(prefix: string, md5: string): string {
  const clean = prefix.replace(/^\/+|\/+$/g, '')
  const key = `files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`
  return clean ? `${clean}/${key}` : key
}

/**
 * Check that every tracked md5 has its object in the bucket, i.e. that
 * `dvc push` reached the remote the doc configured.
 */
export async function checkDvcPushed(
  endpoint: string,
  bucket: string,
  prefix: string,
  md5s: (string | TrackedMd5)[]
): Promise<DvcPushCheck> {
  const tracked = md5s.map((entry) => (typeof entry === 'string' ? {md5: entry} : entry))
  const listing = await checkBucket(endpoint, bucket)
  const result: DvcPushCheck = {ok: false, bucket, prefix, present: [], missing: [], messages: []}
  if (!listing.exists) {
    result.messages.push(listing.message ?? `bucket \`${bucket}\` does not exist`)
    result.missing = tracked.map((t) => ({...t, object: dvcObjectName(prefix, t.md5)}))
    return result
  }
  const objects = new Set(listing.objects)
  for (const t of tracked) {
    const object = dvcObjectName(prefix, t.md5)
    if (objects.has(object)) {
      result.present.push(object)
      continue
    }
    result.missing.push({...t, object})
    const what = t.path ? `${t.path} (md5 ${t.md5.slice(0, 8)}…)` : `md5 ${t.md5}`
    result.messages.push(`bucket \`${bucket}\` has no object for ${what} at ${object}: was \`dvc push\` run?`)
  }
  result.ok = result.missing.length === 0 && tracked.length > 0
  if (tracked.length === 0) result.messages.push('no tracked md5 to look for: no .dvc file or dvc.lock output found')
  return result
}
