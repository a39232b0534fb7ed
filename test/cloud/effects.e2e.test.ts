import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  checkApplicationDefaultCredentials,
  checkBucket,
  checkDvcPushed,
  dvcObjectName,
  readDvcRemotes,
  readTrackedMd5s,
  startGcsEmulator
} from '../../src/cloud/index.js'
import type {GcsEmulator} from '../../src/cloud/index.js'
import {fakeGcsServer} from './require-tool.js'

function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dv-effects-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const dirMd5 = '067a9dfde59362d9dbcd8368ca2c630d.dir'

describe('DVC repo reading', () => {
  it('reads md5s from .dvc files, dvc.lock and the cached .dir listing', () => {
    const repo = repoWith({
      'data/raw.dvc': `outs:\n- md5: ${dirMd5}\n  size: 8\n  nfiles: 2\n  hash: md5\n  path: raw\n`,
      'dvc.lock': 'schema: "2.0"\nstages:\n  train:\n    cmd: python train.py\n    outs:\n    - path: model\n      md5: 11111111111111111111111111111111\n',
      [`.dvc/cache/files/md5/06/${dirMd5.slice(2)}`]: JSON.stringify([
        {md5: '043212bb9834e334677e9c9659294bd4', relpath: 'a.csv'},
        {md5: '3ecfad755fa825f7a17c5526ec44e651', relpath: 'b.csv'}
      ]),
      'broken.dvc': 'outs: [: not yaml'
    })
    expect(readTrackedMd5s(repo)).toEqual([
      {md5: dirMd5, path: 'data/raw'},
      {md5: '043212bb9834e334677e9c9659294bd4', path: 'data/raw/a.csv'},
      {md5: '3ecfad755fa825f7a17c5526ec44e651', path: 'data/raw/b.csv'},
      {md5: '11111111111111111111111111111111', path: 'model'}
    ])
    expect(dvcObjectName('dvcstore/', dirMd5)).toBe('dvcstore/files/md5/06/7a9dfde59362d9dbcd8368ca2c630d.dir')
  })

  it('reads remotes with config.local overriding config', () => {
    const repo = repoWith({
      '.dvc/config': `[core]\n    remote = data\n['remote "data"']\n    url = gs://other-bucket/dvcstore\n['remote "s3"']\n    url = s3://x\n`,
      '.dvc/config.local': `['remote "data"']\n    endpointurl = http://127.0.0.1:4443\n`
    })
    expect(readDvcRemotes(repo)).toEqual([
      {name: 'data', url: 'gs://other-bucket/dvcstore', endpointurl: 'http://127.0.0.1:4443', isDefault: true},
      {name: 's3', url: 's3://x', endpointurl: undefined, isDefault: false}
    ])
    expect(readDvcRemotes(repoWith({}))).toEqual([])
  })

  it('tells whether the ADC file exists', () => {
    const dir = repoWith({'application_default_credentials.json': '{"type":"authorized_user","quota_project_id":"p-123456"}'})
    expect(checkApplicationDefaultCredentials(dir)).toMatchObject({exists: true, quotaProject: 'p-123456'})
    expect(checkApplicationDefaultCredentials(repoWith({})).message).toContain('gcloud auth application-default login')
  })
})

describe('bucket checks without an emulator', () => {
  it('report an unreachable emulator instead of throwing', async () => {
    const check = await checkBucket('http://127.0.0.1:9', 'b')
    expect(check.exists).toBe(false)
    expect(check.message).toContain('could not reach the GCS emulator at http://127.0.0.1:9')
  })
})

describe.skipIf(!fakeGcsServer)('bucket checks against real fake-gcs-server', () => {
  let emulator: GcsEmulator
  beforeAll(async () => {
    emulator = await startGcsEmulator({backend: 'binary', provision: false})
  })
  afterAll(async () => emulator?.stop())

  it('lists objects of an existing bucket and names a missing one', async () => {
    await fetch(`${emulator.endpoint}/storage/v1/b?project=p`, {method: 'POST', body: JSON.stringify({name: 'fx-bucket'})})
    for (const name of ['dvcstore/files/md5/04/3212bb9834e334677e9c9659294bd4', 'z.txt']) {
      const upload = await fetch(`${emulator.endpoint}/upload/storage/v1/b/fx-bucket/o?uploadType=media&name=${encodeURIComponent(name)}`, {method: 'POST', body: 'x'})
      expect(upload.status).toBe(200)
    }
    expect(await checkBucket(emulator.endpoint, 'fx-bucket')).toEqual({
      bucket: 'fx-bucket',
      exists: true,
      objects: ['dvcstore/files/md5/04/3212bb9834e334677e9c9659294bd4', 'z.txt']
    })
    const missing = await checkBucket(emulator.endpoint, 'absent-bucket')
    expect(missing.message).toBe('bucket `absent-bucket` does not exist: was `gcloud storage buckets create gs://absent-bucket` run?')

    const pushed = await checkDvcPushed(emulator.endpoint, 'fx-bucket', 'dvcstore', [
      {md5: '043212bb9834e334677e9c9659294bd4', path: 'data/raw/a.csv'},
      {md5: 'abcdef0123456789abcdef0123456789', path: 'data/raw'}
    ])
    expect(pushed.ok).toBe(false)
    expect(pushed.present).toEqual(['dvcstore/files/md5/04/3212bb9834e334677e9c9659294bd4'])
    expect(pushed.messages).toEqual([
      'bucket `fx-bucket` has no object for data/raw (md5 abcdef01…) at dvcstore/files/md5/ab/cdef0123456789abcdef0123456789: was `dvc push` run?'
    ])
    expect((await checkDvcPushed(emulator.endpoint, 'absent-bucket', 'dvcstore', ['043212bb9834e334677e9c9659294bd4'])).messages[0]).toContain('does not exist')
  })
})
