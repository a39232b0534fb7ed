import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectIdProblem, startControlPlane, validateBucketName} from '../../src/cloud/index.js'
import type {ControlPlane} from '../../src/cloud/index.js'

let cp: ControlPlane
beforeAll(async () => {
  cp = await startControlPlane({
    billingAccounts: [
      {id: '010203-040506-070809', displayName: 'Open', open: true},
      {id: 'AAAAAA-BBBBBB-CCCCCC', displayName: 'Closed', open: false}
    ]
  })
})
afterAll(async () => cp.stop())

async function call(method: string, url: string, body?: unknown): Promise<{status: number; json: any}> {
  const response = await fetch(url, {
    method,
    headers: {'content-type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return {status: response.status, json: await response.json()}
}

describe('control-plane stand-in (HTTP)', () => {
  it('creates a project as a done Operation and rejects a duplicate with 409 ALREADY_EXISTS', async () => {
    const created = await call('POST', `${cp.endpoints.cloudresourcemanager}v1/projects?alt=json`, {projectId: 'mlops-cp-1', name: 'mlops-cp-1'})
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({done: true, response: {projectId: 'mlops-cp-1', lifecycleState: 'ACTIVE'}})
    const op = await call('GET', `${cp.endpoints.cloudresourcemanager}v1/${created.json.name}`)
    expect(op.json.name).toBe(created.json.name)
    const again = await call('POST', `${cp.endpoints.cloudresourcemanager}v1/projects`, {projectId: 'mlops-cp-1'})
    expect(again.status).toBe(409)
    expect(again.json.error.status).toBe('ALREADY_EXISTS')
  })

  it.each([
    ['short', 'must be 6 to 30 characters'],
    ['1project', 'must start with a lowercase letter'],
    ['My-Project', 'must start with a lowercase letter'],
    ['my_project', 'only lowercase letters, digits and hyphens'],
    ['my-project-', 'must not end with a hyphen'],
    ['a'.repeat(31), 'must be 6 to 30 characters']
  ])('rejects project id %s like Google (400 INVALID_ARGUMENT)', async (id, rule) => {
    expect(projectIdProblem(id)).toContain(rule)
    const answer = await call('POST', `${cp.endpoints.cloudresourcemanager}v1/projects`, {projectId: id})
    expect(answer.status).toBe(400)
    expect(answer.json.error).toMatchObject({status: 'INVALID_ARGUMENT'})
    expect(answer.json.error.message).toContain(rule)
  })

  it('links only known, open billing accounts', async () => {
    await call('POST', `${cp.endpoints.cloudresourcemanager}v1/projects`, {projectId: 'mlops-cp-2'})
    const info = `${cp.endpoints.cloudbilling}v1/projects/mlops-cp-2/billingInfo`
    expect((await call('PUT', info, {billingAccountName: 'billingAccounts/999999-040506-070809'})).status).toBe(403)
    expect((await call('PUT', info, {billingAccountName: 'billingAccounts/<my billing account id>'})).status).toBe(400)
    expect((await call('PUT', info, {billingAccountName: 'billingAccounts/AAAAAA-BBBBBB-CCCCCC'})).json.error.status).toBe('FAILED_PRECONDITION')
    expect((await call('PUT', `${cp.endpoints.cloudbilling}v1/projects/nope-project/billingInfo`, {billingAccountName: 'billingAccounts/010203-040506-070809'})).status).toBe(403)
    const linked = await call('PUT', info, {billingAccountName: 'billingAccounts/010203-040506-070809'})
    expect(linked.json).toMatchObject({billingEnabled: true, projectId: 'mlops-cp-2'})
    expect(cp.state.projects.get('mlops-cp-2')?.billingAccountName).toBe('billingAccounts/010203-040506-070809')
  })

  it('enables free services at once and paid ones only after billing is linked', async () => {
    await call('POST', `${cp.endpoints.cloudresourcemanager}v1/projects`, {projectId: 'mlops-cp-3'})
    const batch = `${cp.endpoints.serviceusage}v1/projects/mlops-cp-3/services:batchEnable`
    const free = await call('POST', `${cp.endpoints.serviceusage}v1/projects/mlops-cp-3/services/cloudapis.googleapis.com:enable`)
    expect(free.json.done).toBe(true)
    const paid = await call('POST', batch, {serviceIds: ['artifactregistry.googleapis.com']})
    expect(paid.status).toBe(400)
    expect(paid.json.error.message).toContain('Billing must be enabled')
    const typo = await call('POST', batch, {serviceIds: ['storage.googleapi.com']})
    expect(typo.json.error.message).toContain('Not found or permission denied for service(s): storage.googleapi.com')
    await call('PUT', `${cp.endpoints.cloudbilling}v1/projects/mlops-cp-3/billingInfo`, {billingAccountName: 'billingAccounts/010203-040506-070809'})
    expect((await call('POST', batch, {serviceIds: ['artifactregistry.googleapis.com']})).json.done).toBe(true)
    expect(cp.state.projects.get('mlops-cp-3')?.enabledServices).toEqual(['cloudapis.googleapis.com', 'artifactregistry.googleapis.com'])
  })

  it('answers unknown requests with a 501 that names the path, and records them', async () => {
    const answer = await call('GET', `${cp.endpoints.cloudbilling}v1/projects/x/somethingNew`)
    expect(answer.status).toBe(501)
    expect(answer.json.error.message).toContain('GET cloudbilling /v1/projects/x/somethingNew')
    const outside = await call('DELETE', `${cp.endpoint}/compute/v1/projects/x`)
    expect(outside.json.error.message).toContain('/compute/v1/projects/x')
    expect(cp.unknownRequests.map((r) => r.url)).toEqual(['/cloudbilling/v1/projects/x/somethingNew', '/compute/v1/projects/x'])
  })
})

describe('validateBucketName', () => {
  it.each([
    ['mlops-bucket', true, ''],
    ['my_bucket.data', true, ''],
    ['My_Bucket', false, 'use lowercase'],
    ['ab', false, '3 to 63'],
    ['-bucket', false, 'start with a letter or digit'],
    ['bucket-', false, 'end with a letter or digit'],
    ['192.168.1.1', false, 'IP address'],
    ['goog-bucket', false, '`goog`'],
    ['my-google-bucket', false, '`google`'],
    ['<my bucket name>', false, 'found `<`, ` `, `>`']
  ])('%s -> valid %s', (name, valid, fragment) => {
    const check = validateBucketName(name)
    expect(check.valid).toBe(valid)
    if (!valid) expect(check.message).toContain(`bucket name \`${name}\` breaks GCS naming rules:`)
    if (fragment) expect(check.message).toContain(fragment)
  })
})
