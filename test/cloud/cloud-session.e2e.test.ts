import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {CloudUnavailableError, checkBucket, isHealthy, loadCloudState, saveCloudState, startCloudSession, startControlPlane, startGcsEmulator} from '../../src/cloud/index.js'
import type {CloudSandbox, CloudSession, ControlPlane, GcsEmulator} from '../../src/cloud/index.js'
import {fakeGcsServer} from './require-tool.js'

const running: {stop(): Promise<void>}[] = []
const made: string[] = []
afterAll(async () => {
  await Promise.allSettled(running.map((service) => service.stop()))
  for (const dir of made) await rm(dir, {recursive: true, force: true})
})

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dv-cloud-session-'))
  made.push(dir)
  return dir
}

async function standIns(): Promise<{emulator: GcsEmulator; controlPlane: ControlPlane}> {
  const emulator = await startGcsEmulator({backend: 'binary', provision: false})
  const controlPlane = await startControlPlane()
  running.push(emulator, controlPlane)
  return {emulator, controlPlane}
}

/** A sandbox as the session sees it: a folder and a gcloud config folder;
 * the ports it would open in bubblewrap's network gate are only recorded
 * here (no bwrap in these tests). */
async function sandboxAt(root: string): Promise<CloudSandbox & {allowed: [number, string][]}> {
  const allowed: [number, string][] = []
  const gcloudConfigDir = path.join(root, 'gcloud')
  await mkdir(gcloudConfigDir, {recursive: true})
  return {root, gcloudConfigDir, allowed, allowLocalPort: async (port, label) => void allowed.push([port, label])}
}

async function startSession(sandbox: CloudSandbox): Promise<CloudSession> {
  const session = await startCloudSession({gcs: 'binary', env: process.env}, sandbox)
  running.push(session)
  return session
}

describe.skipIf(!fakeGcsServer)('the cloud session of one sandbox (real fake-gcs-server and control plane)', () => {
  it('points gcloud and DVC at its stand-ins, opens their ports to the sandbox, and stops them', {timeout: 60_000}, async () => {
    const sandbox = await sandboxAt(await scratch())
    const session = await startSession(sandbox)
    const storage = session.env.STORAGE_EMULATOR_HOST!
    expect(session.env.CLOUDSDK_CONFIG).toBe(sandbox.gcloudConfigDir)
    expect(session.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE).toBe(`${storage}/`)
    expect(sandbox.allowed.map(([, label]) => label)).toEqual(['fake-gcs-server', 'control plane'])
    expect(sandbox.allowed[0]![0]).toBe(Number(new URL(storage).port))
    expect(await isHealthy(storage)).toBe(true)
    await session.stop()
    await session.stop()
    expect(await isHealthy(storage, 500)).toBe(false)
  })

  it('saves buckets, objects and projects into the sandbox; a session started on the restored sandbox has them', {timeout: 60_000}, async () => {
    const root = await scratch()
    const first = await startSession(await sandboxAt(root))
    const storage = first.env.STORAGE_EMULATOR_HOST!
    await fetch(`${storage}/storage/v1/b?project=p`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: 'mlops-bucket'})})
    const upload = await fetch(`${storage}/upload/storage/v1/b/mlops-bucket/o?uploadType=media&name=${encodeURIComponent('dvcstore/files/md5/ab/cdef')}`, {method: 'POST', body: 'x,y\n1,2\n'})
    expect(upload.ok).toBe(true)
    const crm = first.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER!
    const project = await fetch(new URL('v1/projects', crm.endsWith('/') ? crm : `${crm}/`), {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({projectId: 'mlops-project'})})
    expect(project.ok).toBe(true)
    await first.saveState()
    await first.stop()

    const second = await startSession(await sandboxAt(root))
    const restored = second.env.STORAGE_EMULATOR_HOST!
    expect(restored).not.toBe(storage)
    expect((await checkBucket(restored, 'mlops-bucket')).objects).toEqual(['dvcstore/files/md5/ab/cdef'])
    const content = await fetch(`${restored}/storage/v1/b/mlops-bucket/o/${encodeURIComponent('dvcstore/files/md5/ab/cdef')}?alt=media`)
    expect(await content.text()).toBe('x,y\n1,2\n')
    const projects = await fetch(new URL('v1/projects', second.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER!.replace(/\/?$/, '/')))
    expect(((await projects.json()) as {projects?: {projectId: string}[]}).projects?.map((entry) => entry.projectId)).toEqual(['mlops-project'])

    // The session's effect check reads its own emulator and the sandbox's gcloud config.
    await writeFile(path.join(root, 'gcloud', 'application_default_credentials.json'), '{}')
    const checks = await second.checkEffects({file: 'c.md', commands: [{line: 4, text: 'gcloud storage buckets create gs://$B'}], cwd: root, variables: new Map([['B', 'mlops-bucket']])})
    expect(checks).toEqual([{name: 'bucket exists', status: 'passed', message: 'gs://mlops-bucket exists (1 objects)', file: 'c.md', line: 4}])
  })

  it('a sandbox without saved cloud state starts empty', {timeout: 60_000}, async () => {
    const session = await startSession(await sandboxAt(await scratch()))
    expect((await checkBucket(session.env.STORAGE_EMULATOR_HOST!, 'mlops-bucket')).exists).toBe(false)
  })

  it('a deleted bucket does not come back from an earlier save (saveCloudState / loadCloudState directly)', {timeout: 60_000}, async () => {
    const root = await scratch()
    const first = await standIns()
    const endpoint = first.emulator.endpoint
    await fetch(`${endpoint}/storage/v1/b?project=p`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: 'gone-bucket'})})
    await saveCloudState(root, endpoint, first.controlPlane.state)
    expect((await fetch(`${endpoint}/storage/v1/b/gone-bucket`, {method: 'DELETE'})).ok).toBe(true)
    await saveCloudState(root, endpoint, first.controlPlane.state)
    const second = await standIns()
    await loadCloudState(root, second.emulator.endpoint, second.controlPlane.state)
    expect((await checkBucket(second.emulator.endpoint, 'gone-bucket')).exists).toBe(false)
  })
})

describe('a cloud session that cannot start', () => {
  it('says the chapter uses Google Cloud Storage and what to do, as a CloudUnavailableError', {timeout: 60_000}, async () => {
    const sandbox = await sandboxAt(await scratch())
    const started = startCloudSession({gcs: 'url', gcsUrl: 'http://127.0.0.1:9', env: process.env}, sandbox)
    await expect(started).rejects.toBeInstanceOf(CloudUnavailableError)
    await expect(started).rejects.toThrow(/^the chapter uses Google Cloud Storage, and the GCS emulator did not start: .*healthcheck did not answer/)
    expect(sandbox.allowed).toEqual([])
  })
})
