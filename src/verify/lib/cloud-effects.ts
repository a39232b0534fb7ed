import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import path from 'node:path'
import {checkApplicationDefaultCredentials, checkBucket, checkDvcPushed, readDvcRemotes, readTrackedMd5s, validateBucketName} from '../../cloud/index.js'
import type {TrackedMd5} from '../../cloud/index.js'
import type {PreparedChapter} from '../../plan/index.js'
import type {CheckReport} from '../../report/index.js'
import {expandVariables} from './shell-variables-of.js'

interface EffectContext {
  endpoint: string
  /** CLOUDSDK_CONFIG of the sandbox. */
  gcloudConfigDir: string
  /** The learner's working directory after the chapter. */
  cwd: string
  variables: ReadonlyMap<string, string>
}

/** Outputs a `dvc.yaml` keeps out of the cache (`- metrics.json: {cache:
 * false}`): `dvc push` never uploads them. */
function uncachedOutputs(cwd: string): Set<string> {
  const uncached = new Set<string>()
  let stages: unknown
  try {
    stages = (parse(readFileSync(path.join(cwd, 'dvc.yaml'), 'utf8')) as {stages?: unknown} | null)?.stages
  } catch {
    return uncached
  }
  for (const stage of Object.values((stages ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const kind of ['outs', 'metrics', 'plots']) {
      for (const entry of (Array.isArray(stage?.[kind]) ? stage[kind] : []) as unknown[]) {
        if (entry === null || typeof entry !== 'object') continue
        for (const [output, options] of Object.entries(entry as Record<string, {cache?: boolean} | null>)) {
          if (options?.cache === false) uncached.add(path.posix.normalize(output))
        }
      }
    }
  }
  return uncached
}

/** What `dvc push` uploads: the tracked md5s (directory listings
 * included), less the outputs kept out of the cache. */
function pushableMd5s(cwd: string): TrackedMd5[] {
  const uncached = uncachedOutputs(cwd)
  return readTrackedMd5s(cwd).filter((entry) => entry.path === undefined || !uncached.has(path.posix.normalize(entry.path)))
}

/** The chapter's `gcloud storage buckets create gs://...` that succeeded. */
function createdBuckets(prepared: PreparedChapter, variables: ReadonlyMap<string, string>): {name: string; line: number}[] {
  const buckets: {name: string; line: number}[] = []
  for (const {step, text} of prepared.steps) {
    if (step.kind !== 'command') continue
    for (const match of text.matchAll(/\b(?:gcloud\s+storage\s+buckets\s+create|gsutil\s+mb)\b[^\n]*?gs:\/\/([^\s/\\]+)/g)) {
      buckets.push({name: expandVariables(match[1]!, variables), line: step.line})
    }
  }
  return buckets
}

/** The gs:// remotes of the workspace's DVC configuration, when the
 * chapter adds one (`dvc remote add`). */
function dvcRemotes(prepared: PreparedChapter, cwd: string): {name: string; bucket: string; prefix: string; line: number}[] {
  const add = prepared.steps.find(({step, text}) => step.kind === 'command' && /\bdvc\s+remote\s+add\b/.test(text))
  if (!add) return []
  return readDvcRemotes(cwd).flatMap((remote) => {
    const match = /^gs:\/\/([^/]+)\/?(.*)$/.exec(remote.url ?? '')
    return match ? [{name: remote.name, bucket: match[1]!, prefix: match[2]!, line: add.step.line}] : []
  })
}

/**
 * What a GCS chapter promises beyond its outputs: the bucket exists under
 * a valid name, DVC's remote points at that bucket, and after `dvc push`
 * every file DVC tracks is in it under `files/md5/`.
 */
export async function checkCloudEffects(prepared: PreparedChapter, context: EffectContext): Promise<CheckReport[]> {
  const checks: CheckReport[] = []
  const file = prepared.plan.file
  const buckets = createdBuckets(prepared, context.variables)
  for (const bucket of buckets) {
    const naming = validateBucketName(bucket.name)
    if (!naming.valid) {
      checks.push({name: 'bucket name follows Cloud Storage rules', status: 'failed', message: naming.message, file, line: bucket.line})
      continue
    }
    const listing = await checkBucket(context.endpoint, bucket.name)
    checks.push({
      name: 'bucket exists',
      status: listing.exists ? 'passed' : 'failed',
      message: listing.exists ? `gs://${bucket.name} exists (${listing.objects.length} objects)` : (listing.message ?? `gs://${bucket.name} does not exist`),
      file,
      line: bucket.line
    })
  }
  const remotes = dvcRemotes(prepared, context.cwd)
  const push = prepared.steps.find(({step, text}) => step.kind === 'command' && /\bdvc\s+push\b/.test(text))
  for (const remote of remotes) {
    if (buckets.length > 0 && !buckets.some((bucket) => bucket.name === remote.bucket)) {
      checks.push({
        name: 'dvc remote points at the chapter\'s bucket',
        status: 'failed',
        message: `dvc remote \`${remote.name}\` points to gs://${remote.bucket} but the chapter created ${buckets.map((bucket) => `gs://${bucket.name}`).join(', ')}`,
        file,
        line: remote.line
      })
      continue
    }
    if (!push) {
      checks.push({
        name: 'data pushed to the bucket',
        status: 'failed',
        message: `the chapter adds the dvc remote \`${remote.name}\` (gs://${remote.bucket}/${remote.prefix}) but never runs \`dvc push\`: the data never reaches the bucket`,
        file,
        line: remote.line
      })
      continue
    }
    const credentials = checkApplicationDefaultCredentials(context.gcloudConfigDir)
    if (!credentials.exists) {
      // The emulator lets anonymous calls through; Google would not.
      checks.push({name: 'DVC has credentials for the bucket', status: 'failed', message: credentials.message ?? 'no Application Default Credentials', file, line: push.step.line})
    }
    const tracked = pushableMd5s(context.cwd)
    const pushed = await checkDvcPushed(context.endpoint, remote.bucket, remote.prefix, tracked)
    checks.push({
      name: 'data pushed to the bucket',
      status: pushed.ok ? 'passed' : 'failed',
      message: pushed.ok ? `${pushed.present.length} objects of ${tracked.length} tracked files are in gs://${remote.bucket}/${remote.prefix}` : pushed.messages.join('; '),
      file,
      line: push.step.line
    })
  }
  return checks
}
