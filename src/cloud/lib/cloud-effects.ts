import {checkApplicationDefaultCredentials} from './effects-adc.js'
import {checkBucket} from './effects-bucket.js'
import {validateBucketName} from './effects-bucket-name.js'
import {checkDvcPushed} from './effects-dvc-pushed.js'
import {readDvcRemotes} from './effects-dvc-repo.js'
import {pushableMd5s} from './dvc-pushable.js'
import {expandVariables} from './expand-variables.js'
import {gsUrlsIn, parseGsUrl} from './gs-url.js'

/** What the effect check reads of a chapter: its file and the commands
 * the learner runs, each at the Markdown line its report names. */
export interface ChapterCommands {
  file: string
  commands: readonly {line: number; text: string}[]
}

/** Where the chapter left the learner, after its last step. */
export interface EffectContext {
  /** The GCS emulator's base URL. */
  endpoint: string
  /** CLOUDSDK_CONFIG of the sandbox. */
  gcloudConfigDir: string
  /** The learner's working directory. */
  cwd: string
  /** What the learner's shell exported (`GCP_BUCKET_NAME`, ...). */
  variables: ReadonlyMap<string, string>
}

/** One promise of the chapter checked, at the Markdown line it is made. */
export interface EffectCheck {
  name: string
  status: 'passed' | 'failed'
  message: string
  file: string
  line: number
}

const createsBucket = /\b(?:gcloud\s+storage\s+buckets\s+create|gsutil\s+mb)\b([^\n]*)/g

/** The buckets the chapter's `gcloud storage buckets create gs://...` (or
 * `gsutil mb`) name, with the learner's variables expanded. */
function createdBuckets(chapter: ChapterCommands, variables: ReadonlyMap<string, string>): {name: string; line: number}[] {
  return chapter.commands.flatMap(({line, text}) =>
    [...text.matchAll(createsBucket)].flatMap((command) =>
      gsUrlsIn(command[1]!).flatMap((url) => {
        const parsed = parseGsUrl(expandVariables(url, variables))
        return parsed ? [{name: parsed.bucket, line}] : []
      })
    )
  )
}

/** The gs:// remotes of the workspace's DVC configuration, at the line of
 * the chapter's `dvc remote add` (none when the chapter adds no remote). */
function addedGsRemotes(chapter: ChapterCommands, cwd: string): {name: string; bucket: string; prefix: string; line: number}[] {
  const add = chapter.commands.find(({text}) => /\bdvc\s+remote\s+add\b/.test(text))
  if (!add) return []
  return readDvcRemotes(cwd).flatMap((remote) => {
    const url = parseGsUrl(remote.url ?? '')
    return url ? [{name: remote.name, ...url, line: add.line}] : []
  })
}

function where(bucket: string, prefix: string): string {
  return prefix ? `gs://${bucket}/${prefix}` : `gs://${bucket}`
}

/**
 * What a GCS chapter promises beyond its outputs: each bucket it creates
 * has a valid name and exists; the DVC remote it adds points at that
 * bucket; and after `dvc push` every file DVC tracks is in it under
 * `files/md5/`, with credentials a real bucket would ask for.
 */
export async function checkCloudEffects(chapter: ChapterCommands, context: EffectContext): Promise<EffectCheck[]> {
  const checks: EffectCheck[] = []
  const {file} = chapter
  const buckets = createdBuckets(chapter, context.variables)
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
  const push = chapter.commands.find(({text}) => /\bdvc\s+push\b/.test(text))
  for (const remote of addedGsRemotes(chapter, context.cwd)) {
    if (buckets.length > 0 && !buckets.some((bucket) => bucket.name === remote.bucket)) {
      checks.push({
        name: "dvc remote points at the chapter's bucket",
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
        message: `the chapter adds the dvc remote \`${remote.name}\` (${where(remote.bucket, remote.prefix)}) but never runs \`dvc push\`: the data never reaches the bucket`,
        file,
        line: remote.line
      })
      continue
    }
    const credentials = checkApplicationDefaultCredentials(context.gcloudConfigDir)
    if (!credentials.exists) {
      // The emulator lets anonymous calls through; Google would not.
      checks.push({name: 'DVC has credentials for the bucket', status: 'failed', message: credentials.message ?? 'no Application Default Credentials', file, line: push.line})
    }
    const tracked = pushableMd5s(context.cwd)
    const pushed = await checkDvcPushed(context.endpoint, remote.bucket, remote.prefix, tracked)
    checks.push({
      name: 'data pushed to the bucket',
      status: pushed.ok ? 'passed' : 'failed',
      message: pushed.ok ? `${pushed.present.length} objects of ${tracked.length} tracked files are in ${where(remote.bucket, remote.prefix)}` : pushed.messages.join('; '),
      file,
      line: push.line
    })
  }
  return checks
}
