import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {checkBucket, startControlPlane, startGcsEmulator} from '../../src/cloud/index.js'
import type {ControlPlane, GcsEmulator} from '../../src/cloud/index.js'
import {loadCloudState, saveCloudState} from '../../src/verify/lib/cloud-state.js'

const running: {stop(): Promise<void>}[] = []
const made: string[] = []
afterAll(async () => {
  await Promise.allSettled(running.map((service) => service.stop()))
  for (const dir of made) await rm(dir, {recursive: true, force: true})
})

async function standIns(): Promise<{emulator: GcsEmulator; controlPlane: ControlPlane}> {
  const emulator = await startGcsEmulator({backend: 'binary'})
  const controlPlane = await startControlPlane()
  running.push(emulator, controlPlane)
  return {emulator, controlPlane}
}

describe('cloud state carried by a chapter snapshot (real fake-gcs-server)', () => {
  it('buckets, objects and projects saved from one set of stand-ins load into fresh ones', {timeout: 60_000}, async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'dv-cloud-state-'))
    made.push(root)
    const first = await standIns()
    const endpoint = first.emulator.endpoint
    await fetch(`${endpoint}/storage/v1/b?project=p`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: 'mlops-bucket'})})
    const upload = await fetch(`${endpoint}/upload/storage/v1/b/mlops-bucket/o?uploadType=media&name=${encodeURIComponent('dvcstore/files/md5/ab/cdef')}`, {method: 'POST', body: 'x,y\n1,2\n'})
    expect(upload.ok).toBe(true)
    first.controlPlane.state.projects.set('mlops-project', {projectId: 'mlops-project', projectNumber: '1', name: 'mlops-project', lifecycleState: 'ACTIVE', createTime: '2024-01-01T00:00:00Z', enabledServices: []})

    await saveCloudState(root, endpoint, first.controlPlane.state)

    const second = await standIns()
    await loadCloudState(root, second.emulator.endpoint, second.controlPlane.state)
    const bucket = await checkBucket(second.emulator.endpoint, 'mlops-bucket')
    expect(bucket.objects).toEqual(['dvcstore/files/md5/ab/cdef'])
    const content = await fetch(`${second.emulator.endpoint}/storage/v1/b/mlops-bucket/o/${encodeURIComponent('dvcstore/files/md5/ab/cdef')}?alt=media`)
    expect(await content.text()).toBe('x,y\n1,2\n')
    expect([...second.controlPlane.state.projects.keys()]).toEqual(['mlops-project'])
  })

  it('a sandbox without saved cloud state loads nothing', {timeout: 60_000}, async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'dv-cloud-state-'))
    made.push(root)
    const {emulator, controlPlane} = await standIns()
    await loadCloudState(root, emulator.endpoint, controlPlane.state)
    expect((await checkBucket(emulator.endpoint, 'mlops-bucket')).exists).toBe(false)
    expect(controlPlane.state.projects.size).toBe(0)
  })
})
