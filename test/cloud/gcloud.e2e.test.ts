import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdtempSync, writeFileSync, readFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {checkBucket, gcloudEnv, startControlPlane, startGcsEmulator} from '../../src/cloud/index.js'
import type {ControlPlane, GcsEmulator} from '../../src/cloud/index.js'
import {fakeGcsServer, requireTool} from './require-tool.js'
import {run} from './run-process.js'

const gcloud = requireTool('gcloud', 'install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install)')

describe.skipIf(!gcloud || !fakeGcsServer)('real gcloud against the stand-ins', () => {
  let emulator: GcsEmulator
  let cp: ControlPlane
  let env: NodeJS.ProcessEnv
  let configDir: string
  const g = (...args: string[]) => run(gcloud!, args, {env})

  beforeAll(async () => {
    emulator = await startGcsEmulator({backend: 'binary', provision: false})
    cp = await startControlPlane()
    configDir = mkdtempSync(path.join(os.tmpdir(), 'dv-gcloud-'))
    env = {...process.env, ...gcloudEnv({configDir, storageEndpoint: emulator.endpoint, controlPlaneEndpoint: cp.endpoint})}
  })
  afterAll(async () => {
    await cp?.stop()
    await emulator?.stop()
  })

  it('gcloudEnv points everything at the stand-ins and never at ~/.config/gcloud', () => {
    expect(env.CLOUDSDK_CONFIG).toBe(configDir)
    expect(env.CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE).toBe(`${emulator.endpoint}/`)
    expect(env.CLOUDSDK_API_ENDPOINT_OVERRIDES_SERVICEUSAGE).toBe(`${cp.endpoint}/serviceusage/`)
    expect(env.STORAGE_EMULATOR_HOST).toBe(emulator.endpoint)
    expect(env.CLOUDSDK_CORE_PROJECT).toBeUndefined()
  })

  it('runs the chapter\'s project, billing, services and storage commands', async () => {
    const created = await g('projects', 'create', 'mlops-project-dv')
    expect(created.code, created.stderr).toBe(0)
    expect(cp.state.projects.has('mlops-project-dv')).toBe(true)
    expect((await g('config', 'set', 'project', 'mlops-project-dv')).code).toBe(0)
    expect(readFileSync(path.join(configDir, 'configurations', 'config_default'), 'utf8')).toContain('project = mlops-project-dv')

    const accounts = await g('billing', 'accounts', 'list')
    expect(accounts.stdout).toMatch(/010203-040506-070809\s+My Billing Account\s+True/)
    const linked = await g('billing', 'projects', 'link', 'mlops-project-dv', '--billing-account', '010203-040506-070809')
    expect(linked.code, linked.stderr).toBe(0)
    expect(linked.stdout).toContain('billingEnabled: true')

    const enabled = await g('services', 'enable', 'artifactregistry.googleapis.com', 'container.googleapis.com')
    expect(enabled.code, enabled.stderr).toBe(0)
    expect(cp.state.projects.get('mlops-project-dv')?.enabledServices).toContain('container.googleapis.com')

    const bucket = await g('storage', 'buckets', 'create', 'gs://mlops-bucket-dv', '--location=europe-west6', '--uniform-bucket-level-access', '--public-access-prevention')
    expect(bucket.code, bucket.stderr).toBe(0)
    expect((await checkBucket(emulator.endpoint, 'mlops-bucket-dv')).exists).toBe(true)

    const file = path.join(configDir, 'hello.txt')
    writeFileSync(file, 'hello\n')
    const copied = await g('storage', 'cp', file, 'gs://mlops-bucket-dv/dir/hello.txt')
    expect(copied.code, copied.stderr).toBe(0)
    expect((await g('storage', 'ls')).stdout).toContain('gs://mlops-bucket-dv/')
    expect((await g('storage', 'ls', 'gs://mlops-bucket-dv/dir')).stdout).toContain('gs://mlops-bucket-dv/dir/hello.txt')
    expect((await checkBucket(emulator.endpoint, 'mlops-bucket-dv')).objects).toEqual(['dir/hello.txt'])
    expect(cp.unknownRequests).toEqual([])
    expect(existsSync(path.join(os.homedir(), '.config', 'gcloud', 'configurations', 'config_default')) && readFileSync(path.join(os.homedir(), '.config', 'gcloud', 'configurations', 'config_default'), 'utf8').includes('mlops-project-dv')).toBe(false)
  }, 240_000)

  it('surfaces control-plane errors in gcloud\'s stderr, like a learner would see them', async () => {
    await cp.stop().catch(() => {})
    cp = await startControlPlane()
    env = {...env, ...gcloudEnv({configDir, storageEndpoint: emulator.endpoint, controlPlaneEndpoint: cp.endpoint})}
    expect((await g('projects', 'create', 'mlops-dup-dv')).code).toBe(0)
    const dup = await g('projects', 'create', 'mlops-dup-dv')
    expect(dup.code).not.toBe(0)
    expect(dup.stderr).toContain('already in use')

    const badAccount = await g('billing', 'projects', 'link', 'mlops-dup-dv', '--billing-account', '999999-999999-999999')
    expect(badAccount.code).not.toBe(0)
    expect(badAccount.stderr).toContain('billing account `999999-999999-999999` is not one of')

    const noProject = await g('billing', 'projects', 'link', 'never-created', '--billing-account', '010203-040506-070809')
    expect(noProject.stderr).toContain('project `never-created` does not exist')

    const paid = await g('services', 'enable', 'compute.googleapis.com', '--project', 'mlops-dup-dv')
    expect(paid.code).not.toBe(0)
    expect(paid.stderr).toContain('Billing must be enabled for activation of service(s)')

    const badBucket = await g('storage', 'buckets', 'create', 'gs://My_Bucket', '--project', 'mlops-dup-dv')
    expect(badBucket.code).not.toBe(0)
    expect(badBucket.stderr).toContain('invalid bucket name')
  }, 240_000)
})
