/**
 * checkCloudEffects, branch by branch, against a real fake-gcs-server
 * whose buckets each test seeds, on the bundled chapter 7 as docs-verify
 * plans it (a copy with one defect where a test needs one). The workspace
 * is written as DVC 3 leaves it (test/cloud/dvc-workspace.ts); DVC itself
 * runs in dvc.test.ts and the end-to-end chapter 7 tests.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {bindSandboxPlaceholders, builtInStandIns, checkCloudEffects, startGcsEmulator} from '../../src/cloud/index.js'
import type {ChapterCommands, EffectCheck, GcsEmulator} from '../../src/cloud/index.js'
import {planChapter, prepareVariant} from '../../src/plan/index.js'
import {bundledGuide, replaceOnce} from '../cli/run-cli.js'
import {dvcWorkspace as writeDvcWorkspace} from './dvc-workspace.js'
import type {DvcWorkspace} from './dvc-workspace.js'
import {fakeGcsServer} from './require-tool.js'

const chapter7File = path.join(bundledGuide, 'chapter-7-move-the-ml-experiment-data-to-the-cloud.md')
const chapter7Text = readFileSync(chapter7File, 'utf8')
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dv-cloud-effects-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))
const dvcWorkspace = (remoteUrl: string | undefined): DvcWorkspace => writeDvcWorkspace(remoteUrl, scratch)

/** What the learner's shell exported by the end of chapter 7. */
const exported = new Map([
  ['GCP_PROJECT_ID', 'mlops-project'],
  ['GCP_BUCKET_NAME', 'mlops-bucket'],
  ['GCP_BUCKET_LOCATION', 'europe-west6']
])

/** Chapter 7 (maybe changed) planned and prepared as a run prepares it. */
function chapter7(change: (text: string) => string = (text) => text): ChapterCommands & {text: string} {
  const text = change(chapter7Text)
  const plan = planChapter(text, 'docs/guide/chapter-7.md')
  const [variant] = plan.variants
  const prepared = prepareVariant(plan, variant!, {config: {}, builtInStandIns: builtInStandIns(), bindSandbox: bindSandboxPlaceholders})
  const commands = prepared.steps.filter(({step}) => step.kind === 'command').map(({step, text: command}) => ({line: step.line, text: command}))
  return {file: plan.file, commands, text}
}

/** The Markdown line of the step (its fence) whose command contains `needle`. */
function stepLine(chapter: ChapterCommands, needle: string): number {
  const command = chapter.commands.find(({text}) => text.includes(needle))
  if (!command) throw new Error(`no command with ${needle}`)
  return command.line
}

function gcloudConfig(withCredentials: boolean): string {
  const dir = mkdtempSync(path.join(scratch, 'gcloud-'))
  if (withCredentials) writeFileSync(path.join(dir, 'application_default_credentials.json'), '{"type":"authorized_user","quota_project_id":"mlops-project"}')
  return dir
}

function byName(checks: EffectCheck[]): Record<string, EffectCheck> {
  return Object.fromEntries(checks.map((check) => [check.name, check]))
}

describe('checkCloudEffects without an emulator', () => {
  it('reports an unreachable emulator as a failed bucket check, not a pass and not a throw', async () => {
    const chapter = chapter7()
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    const checks = await checkCloudEffects(chapter, {endpoint: 'http://127.0.0.1:9', gcloudConfigDir: gcloudConfig(true), cwd: workspace.dir, variables: exported})
    expect(checks.map((check) => [check.name, check.status])).toEqual([
      ['bucket exists', 'failed'],
      ['data pushed to the bucket', 'failed']
    ])
    expect(checks[0]!.message).toContain('could not reach the GCS emulator at http://127.0.0.1:9')
  })
})

describe.skipIf(!fakeGcsServer)('checkCloudEffects against real fake-gcs-server with seeded buckets', () => {
  let emulator: GcsEmulator

  beforeAll(async () => {
    emulator = await startGcsEmulator({backend: 'binary', provision: false})
  })
  afterAll(async () => emulator?.stop())
  beforeEach(async () => emulator.reset())

  async function seedBucket(name: string, objects: readonly string[] = []): Promise<void> {
    const created = await fetch(`${emulator.endpoint}/storage/v1/b?project=mlops-project`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name})})
    expect(created.status).toBe(200)
    for (const object of objects) {
      const upload = await fetch(`${emulator.endpoint}/upload/storage/v1/b/${name}/o?uploadType=media&name=${encodeURIComponent(object)}`, {method: 'POST', body: object})
      expect(upload.status).toBe(200)
    }
  }

  const pushedObjects = (workspace: DvcWorkspace, prefix = 'dvcstore'): string[] => workspace.pushable.map(({object}) => `${prefix}/${object}`)

  async function check(chapter: ChapterCommands, workspace: DvcWorkspace, options: {credentials?: boolean; variables?: ReadonlyMap<string, string>} = {}): Promise<EffectCheck[]> {
    return checkCloudEffects(chapter, {
      endpoint: emulator.endpoint,
      gcloudConfigDir: gcloudConfig(options.credentials ?? true),
      cwd: workspace.dir,
      variables: options.variables ?? exported
    })
  }

  it('chapter 7 as a learner leaves it: the bucket exists and holds every pushed file, at the create and push steps', async () => {
    const chapter = chapter7()
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket', pushedObjects(workspace))
    const checks = await check(chapter, workspace)
    expect(checks).toEqual([
      {name: 'bucket exists', status: 'passed', message: `gs://mlops-bucket exists (${workspace.pushable.length} objects)`, file: chapter.file, line: stepLine(chapter, 'gcloud storage buckets create')},
      {
        name: 'data pushed to the bucket',
        status: 'passed',
        message: `${workspace.pushable.length} objects of ${workspace.pushable.length} tracked files are in gs://mlops-bucket/dvcstore`,
        file: chapter.file,
        line: stepLine(chapter, 'dvc push')
      }
    ])
  })

  it('an output kept out of the DVC cache (`cache: false`) is not looked for in the bucket', async () => {
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket', pushedObjects(workspace))
    const checks = await check(chapter7(), workspace)
    expect(pushedObjects(workspace)).not.toContain(`dvcstore/${workspace.uncached.object}`)
    expect(byName(checks)['data pushed to the bucket']?.status).toBe('passed')
  })

  it('a bucket name that breaks Cloud Storage rules fails at the bucket step, before any bucket is looked up', async () => {
    const chapter = chapter7((text) => replaceOnce(text, '`mlops-bucket`. Like', '`My_Bucket`. Like'))
    const workspace = dvcWorkspace('gs://My_Bucket/dvcstore')
    const checks = await check(chapter, workspace, {variables: new Map([...exported, ['GCP_BUCKET_NAME', 'My_Bucket']])})
    const naming = byName(checks)['bucket name follows Cloud Storage rules']
    expect(naming?.status).toBe('failed')
    expect(naming?.message).toMatch(/lowercase|uppercase/i)
    // The step's line: its fence, two lines above the command.
    expect(naming?.line).toBe(chapter.text.split('\n').findIndex((line) => line.includes('gcloud storage buckets create')) + 1 - 2)
    expect(byName(checks)['bucket exists']).toBeUndefined()
  })

  it('a bucket variable the shell never exported is checked as written, never guessed', async () => {
    const checks = await check(chapter7(), dvcWorkspace(undefined), {variables: new Map()})
    expect(checks.map((entry) => [entry.name, entry.status])).toEqual([['bucket name follows Cloud Storage rules', 'failed']])
    expect(checks[0]!.message).toContain('bucket name `$GCP_BUCKET_NAME`')
  })

  it('a bucket the chapter creates but the emulator does not have fails the bucket and the push checks', async () => {
    const chapter = chapter7()
    const checks = byName(await check(chapter, dvcWorkspace('gs://mlops-bucket/dvcstore')))
    expect(checks['bucket exists']).toMatchObject({status: 'failed', message: 'bucket `mlops-bucket` does not exist: was `gcloud storage buckets create gs://mlops-bucket` run?'})
    expect(checks['data pushed to the bucket']).toMatchObject({status: 'failed', line: stepLine(chapter, 'dvc push')})
    expect(checks['data pushed to the bucket']?.message).toContain('does not exist')
  })

  it('a bucket that exists but is empty: the bucket passes, the push fails naming each missing file', async () => {
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket')
    const checks = byName(await check(chapter7(), workspace))
    expect(checks['bucket exists']).toMatchObject({status: 'passed', message: 'gs://mlops-bucket exists (0 objects)'})
    const pushed = checks['data pushed to the bucket']
    expect(pushed?.status).toBe('failed')
    const messages = pushed!.message.split('; ')
    expect(messages).toHaveLength(workspace.pushable.length)
    expect(messages[0]).toMatch(/^bucket `mlops-bucket` has no object for data\/raw \(md5 [0-9a-f]{8}…\) at dvcstore\/files\/md5\/.*: was `dvc push` run\?$/)
  })

  it('a push that reached only part of the data fails naming only what is missing', async () => {
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    const missing = workspace.pushable.find((entry) => entry.path === 'model/model.pkl')!
    await seedBucket('mlops-bucket', pushedObjects(workspace).filter((object) => object !== `dvcstore/${missing.object}`))
    const pushed = byName(await check(chapter7(), workspace))['data pushed to the bucket']
    expect(pushed?.status).toBe('failed')
    expect(pushed?.message).toMatch(/^bucket `mlops-bucket` has no object for model\/model\.pkl \(md5 [0-9a-f]{8}…\) at dvcstore\/files\/md5\/[^;]*: was `dvc push` run\?$/)
  })

  it('data pushed under another prefix than the remote names is not found', async () => {
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket', pushedObjects(workspace, 'elsewhere'))
    expect(byName(await check(chapter7(), workspace))['data pushed to the bucket']?.status).toBe('failed')
  })

  it("a dvc remote that names another bucket fails at `dvc remote add`, naming both buckets, and nothing is said of the push", async () => {
    const chapter = chapter7((text) => replaceOnce(text, 'dvc remote add -d data gs://$GCP_BUCKET_NAME/dvcstore', 'dvc remote add -d data gs://another-bucket/dvcstore'))
    const workspace = dvcWorkspace('gs://another-bucket/dvcstore')
    await seedBucket('mlops-bucket')
    await seedBucket('another-bucket', pushedObjects(workspace))
    const checks = await check(chapter, workspace)
    expect(checks.map((entry) => [entry.name, entry.status])).toEqual([
      ['bucket exists', 'passed'],
      ["dvc remote points at the chapter's bucket", 'failed']
    ])
    expect(checks[1]).toMatchObject({
      message: 'dvc remote `data` points to gs://another-bucket but the chapter created gs://mlops-bucket',
      line: stepLine(chapter, 'dvc remote add')
    })
  })

  it('a chapter that adds the remote but forgets `dvc push` fails at `dvc remote add`: the data never reaches the bucket', async () => {
    const chapter = chapter7((text) => replaceOnce(text, 'dvc push\n', 'true\n'))
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket')
    const pushed = byName(await check(chapter, workspace))['data pushed to the bucket']
    expect(pushed).toMatchObject({status: 'failed', line: stepLine(chapter, 'dvc remote add')})
    expect(pushed?.message).toBe('the chapter adds the dvc remote `data` (gs://mlops-bucket/dvcstore) but never runs `dvc push`: the data never reaches the bucket')
  })

  it('a push without Application Default Credentials fails at `dvc push` even though the emulator took the data', async () => {
    const chapter = chapter7()
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket', pushedObjects(workspace))
    const checks = byName(await check(chapter, workspace, {credentials: false}))
    expect(checks['DVC has credentials for the bucket']).toMatchObject({status: 'failed', line: stepLine(chapter, 'dvc push')})
    expect(checks['DVC has credentials for the bucket']?.message).toContain('gcloud auth application-default login')
    expect(checks['data pushed to the bucket']?.status).toBe('passed')
  })

  it('a workspace with nothing DVC tracks fails the push check instead of passing it vacuously', async () => {
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    // Only the remote: no .dvc file, no dvc.lock.
    const empty = {...workspace, dir: mkdtempSync(path.join(scratch, 'empty-'))}
    mkdirSync(path.join(empty.dir, '.dvc'))
    writeFileSync(path.join(empty.dir, '.dvc', 'config'), readFileSync(path.join(workspace.dir, '.dvc', 'config')))
    await seedBucket('mlops-bucket')
    const pushed = byName(await check(chapter7(), empty))['data pushed to the bucket']
    expect(pushed?.status).toBe('failed')
    expect(pushed?.message).toContain('no tracked md5 to look for')
  })

  it('a remote into a bucket an earlier chapter created is checked for the push (the chapter creates none)', async () => {
    const chapter = {file: 'later.md', commands: [{line: 5, text: 'dvc remote add -d data gs://mlops-bucket/dvcstore/'}, {line: 9, text: 'dvc push'}]}
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore/')
    await seedBucket('mlops-bucket', pushedObjects(workspace))
    expect(await check(chapter, workspace)).toEqual([
      {name: 'data pushed to the bucket', status: 'passed', message: `${workspace.pushable.length} objects of ${workspace.pushable.length} tracked files are in gs://mlops-bucket/dvcstore`, file: 'later.md', line: 9}
    ])
  })

  it('remotes are checked only when the chapter adds one, and only gs:// ones', async () => {
    const workspace = dvcWorkspace('gs://mlops-bucket/dvcstore')
    await seedBucket('mlops-bucket')
    const withoutRemoteAdd = {file: 'c.md', commands: [{line: 3, text: 'gcloud storage buckets create gs://mlops-bucket'}, {line: 7, text: 'dvc push'}]}
    expect((await check(withoutRemoteAdd, workspace)).map((entry) => entry.name)).toEqual(['bucket exists'])
    const s3 = {file: 'c.md', commands: [{line: 3, text: 'dvc remote add -d data s3://mlops-bucket/dvcstore'}, {line: 7, text: 'dvc push'}]}
    expect(await check(s3, dvcWorkspace('s3://mlops-bucket/dvcstore'))).toEqual([])
  })

  it('every bucket of `gsutil mb` and of a quoted `gcloud storage buckets create` is checked', async () => {
    await seedBucket('first-bucket')
    const chapter = {
      file: 'c.md',
      commands: [
        {line: 3, text: 'gsutil mb gs://first-bucket gs://second-bucket'},
        {line: 8, text: 'gcloud storage buckets create "gs://${GCP_BUCKET_NAME}" --location=eu'}
      ]
    }
    const checks = await check(chapter, dvcWorkspace(undefined))
    expect(checks.map((entry) => [entry.message.split(': ')[0], entry.status, entry.line])).toEqual([
      ['gs://first-bucket exists (0 objects)', 'passed', 3],
      ['bucket `second-bucket` does not exist', 'failed', 3],
      ['bucket `mlops-bucket` does not exist', 'failed', 8]
    ])
  })
})
