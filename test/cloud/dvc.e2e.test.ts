import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  checkApplicationDefaultCredentials,
  checkCloudEffects,
  checkDvcPushed,
  dvcEmulatorSetup,
  findCloudStandIn,
  gcloudEnv,
  parseGsUrl,
  readDvcRemotes,
  readTrackedMd5s,
  startGcsEmulator
} from '../../src/cloud/index.js'
import type {GcsEmulator} from '../../src/cloud/index.js'
import {ensureDvc} from './dvc-venv.js'
import {fakeGcsServer, requireTool} from './require-tool.js'
import {run} from './run-process.js'

const git = requireTool('git', 'install git')
const dvc = fakeGcsServer && git ? await ensureDvc() : undefined

describe.skipIf(!dvc || !fakeGcsServer || !git)('real dvc 3.47.0 against fake-gcs-server', () => {
  let emulator: GcsEmulator
  let work: string
  let env: NodeJS.ProcessEnv
  let configDir: string

  const sh = (cwd: string, script: string) => run('bash', ['-euo', 'pipefail', '-c', script], {cwd, env, timeoutMs: 240_000})

  beforeAll(async () => {
    emulator = await startGcsEmulator({backend: 'binary', provision: false})
    work = mkdtempSync(path.join(os.tmpdir(), 'dv-dvc-'))
    configDir = path.join(work, 'gcloud')
    mkdirSync(configDir)
    env = {
      ...process.env,
      ...gcloudEnv({configDir, storageEndpoint: emulator.endpoint, controlPlaneEndpoint: 'http://127.0.0.1:9'}),
      ...dvcEmulatorSetup({storageEndpoint: emulator.endpoint}).env,
      PATH: `${path.dirname(dvc!)}:${process.env.PATH}`,
      GIT_AUTHOR_NAME: 'Learner',
      GIT_AUTHOR_EMAIL: 'learner@example.com',
      GIT_COMMITTER_NAME: 'Learner',
      GIT_COMMITTER_EMAIL: 'learner@example.com'
    }
    delete env.GOOGLE_APPLICATION_CREDENTIALS
    const created = await fetch(`${emulator.endpoint}/storage/v1/b?project=mlops-project`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({name: 'mlops-bucket'})
    })
    expect(created.status).toBe(200)
  })
  afterAll(async () => emulator?.stop())

  it('dvc push (remote added exactly as the doc) lands under files/md5; dvc pull in a fresh clone restores it', async () => {
    const repo = path.join(work, 'repo')
    mkdirSync(path.join(repo, 'data', 'raw'), {recursive: true})
    writeFileSync(path.join(repo, 'data', 'raw', 'train.csv'), 'a,b\n1,2\n')
    writeFileSync(path.join(repo, 'data', 'raw', 'test.csv'), 'a,b\n3,4\n')
    const setup = await sh(repo, 'git init -q -b main && dvc init -q && dvc add -q data/raw && git add -A && git commit -qm "data"')
    expect(setup.code, setup.stderr).toBe(0)

    // The learner's credentials come from the declared stand-in.
    expect(checkApplicationDefaultCredentials(configDir).exists).toBe(false)
    const adc = await sh(repo, findCloudStandIn('gcloud auth application-default login')!.run)
    expect(adc.code, adc.stderr).toBe(0)
    expect(checkApplicationDefaultCredentials(configDir).exists).toBe(true)

    const added = {command: 'dvc remote add -d data gs://mlops-bucket/dvcstore', ...(await sh(repo, 'dvc remote add -d data gs://mlops-bucket/dvcstore'))}
    expect(added.code, added.stderr).toBe(0)
    const [remote] = readDvcRemotes(repo)
    expect(remote).toMatchObject({name: 'data', isDefault: true})
    expect(parseGsUrl(remote!.url!)).toEqual({bucket: 'mlops-bucket', prefix: 'dvcstore'})

    const tracked = readTrackedMd5s(repo)
    expect(tracked.map((t) => t.path).sort()).toEqual(['data/raw', 'data/raw/test.csv', 'data/raw/train.csv'])
    const before = await checkDvcPushed(emulator.endpoint, 'mlops-bucket', 'dvcstore', tracked)
    expect(before.ok).toBe(false)
    expect(before.messages[0]).toMatch(/^bucket `mlops-bucket` has no object for data\/raw\S* \(md5 [0-9a-f]{8}…\) at dvcstore\/files\/md5\/.*: was `dvc push` run\?$/)

    const pushed = await sh(repo, 'dvc push')
    expect(pushed.code, pushed.stderr).toBe(0)
    expect(pushed.stdout + pushed.stderr).toContain('3 files pushed')
    const after = await checkDvcPushed(emulator.endpoint, 'mlops-bucket', 'dvcstore', tracked)
    expect(after.messages).toEqual([])
    expect(after.ok).toBe(true)
    for (const object of after.present) expect(object).toMatch(/^dvcstore\/files\/md5\/[0-9a-f]{2}\/[0-9a-f]{30}(\.dir)?$/)
    // The production check, on what the real DVC wrote and pushed.
    const chapter = {file: 'c.md', commands: [{line: 1, text: 'gcloud storage buckets create gs://mlops-bucket'}, {line: 2, text: added.command}, {line: 3, text: 'dvc push'}]}
    const effects = await checkCloudEffects(chapter, {endpoint: emulator.endpoint, gcloudConfigDir: configDir, cwd: repo, variables: new Map()})
    expect(effects.map((check) => [check.name, check.status])).toEqual([
      ['bucket exists', 'passed'],
      ['data pushed to the bucket', 'passed']
    ])

    // The chapter's own files are untouched: git sees only .dvc/config changed.
    expect((await sh(repo, 'git status --porcelain')).stdout.trim()).toBe('M .dvc/config')

    const committed = await sh(repo, 'git commit -qam "remote"')
    expect(committed.code, committed.stderr).toBe(0)
    const clone = path.join(work, 'clone')
    const pulled = await sh(work, `git clone -q repo clone && cd clone && dvc pull`)
    expect(pulled.code, pulled.stderr).toBe(0)
    expect(readFileSync(path.join(clone, 'data', 'raw', 'train.csv'), 'utf8')).toBe('a,b\n1,2\n')
    expect(readFileSync(path.join(clone, 'data', 'raw', 'test.csv'), 'utf8')).toBe('a,b\n3,4\n')
  }, 600_000)

  it('alternative: `.dvc/config.local` endpointurl works without STORAGE_EMULATOR_HOST and stays out of git status', async () => {
    const clone = path.join(work, 'clone')
    writeFileSync(path.join(clone, 'data', 'raw', 'extra.csv'), 'a,b\n5,6\n')
    const noHostEnv = {...env}
    delete noHostEnv.STORAGE_EMULATOR_HOST
    const hook = dvcEmulatorSetup({storageEndpoint: emulator.endpoint}).afterRemoteAdd('data')
    const pushed = await run('bash', ['-euo', 'pipefail', '-c', `${hook} && dvc add -q data/raw && dvc push`], {cwd: clone, env: noHostEnv, timeoutMs: 240_000})
    expect(pushed.code, pushed.stderr).toBe(0)
    expect(readFileSync(path.join(clone, '.dvc', 'config.local'), 'utf8')).toContain(`endpointurl = ${emulator.endpoint}`)
    expect((await run('git', ['status', '--porcelain'], {cwd: clone, env})).stdout.trim()).toBe('M data/raw.dvc')
    const extra = readTrackedMd5s(clone).find((t) => t.path === 'data/raw/extra.csv')
    expect(extra).toBeDefined()
    expect((await checkDvcPushed(emulator.endpoint, 'mlops-bucket', 'dvcstore', [extra!])).ok).toBe(true)
  }, 300_000)

  it('reports a remote that points to another bucket than the chapter created', async () => {
    const chapter = {file: 'c.md', commands: [{line: 1, text: 'gcloud storage buckets create gs://other-bucket'}, {line: 2, text: 'dvc remote add -d data gs://mlops-bucket/dvcstore'}, {line: 3, text: 'dvc push'}]}
    const checks = await checkCloudEffects(chapter, {endpoint: emulator.endpoint, gcloudConfigDir: configDir, cwd: path.join(work, 'repo'), variables: new Map()})
    const remote = checks.find((check) => check.name === "dvc remote points at the chapter's bucket")
    expect(remote).toMatchObject({status: 'failed', line: 2})
    expect(remote?.message).toBe('dvc remote `data` points to gs://mlops-bucket but the chapter created gs://other-bucket')
  })
})
