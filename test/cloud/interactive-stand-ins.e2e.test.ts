import {describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {cloudStandIns, findCloudStandIn, STAND_IN_ACCOUNT} from '../../src/cloud/index.js'
import {requireTool} from './require-tool.js'
import {run} from './run-process.js'

const gcloud = requireTool('gcloud', 'install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install)')

describe('declared stand-ins', () => {
  it('match the interactive commands only', () => {
    expect(findCloudStandIn('gcloud init')?.reason).toContain('gcloud init')
    expect(findCloudStandIn('  gcloud auth application-default login')?.reason).toContain('application_default_credentials.json')
    expect(findCloudStandIn('gcloud auth login --no-launch-browser')?.reason).toContain('gcloud auth login')
    expect(findCloudStandIn('gcloud initialize')).toBeUndefined()
    expect(findCloudStandIn('gcloud projects create x')).toBeUndefined()
    expect(findCloudStandIn('echo gcloud init')).toBeUndefined()
    for (const standIn of cloudStandIns()) expect(() => new RegExp(standIn.match)).not.toThrow()
  })

  it('ADC stand-in works under `set -euo pipefail` before any gcloud configuration exists', async () => {
    const configDir = mkdtempSync(path.join(os.tmpdir(), 'dv-standin-'))
    const env: NodeJS.ProcessEnv = {...process.env, CLOUDSDK_CONFIG: configDir}
    delete env.CLOUDSDK_CORE_PROJECT
    const adc = await run('bash', ['-euo', 'pipefail', '-c', findCloudStandIn('gcloud auth application-default login')!.run], {env})
    expect(adc.code, adc.stderr).toBe(0)
    expect(JSON.parse(readFileSync(path.join(configDir, 'application_default_credentials.json'), 'utf8')).quota_project_id).toBe('')
  })

  it.skipIf(!gcloud)('leave a state real gcloud reads: account, project, offline ADC file', async () => {
    const configDir = mkdtempSync(path.join(os.tmpdir(), 'dv-standin-'))
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CLOUDSDK_CONFIG: configDir,
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
      CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
      CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1'
    }
    delete env.CLOUDSDK_CORE_PROJECT
    const init = await run('bash', ['-euo', 'pipefail', '-c', findCloudStandIn('gcloud init')!.run], {env})
    expect(init.code, init.stderr).toBe(0)
    expect(init.stdout).toContain(STAND_IN_ACCOUNT)
    // The chapter sets the project with real gcloud after init.
    expect((await run(gcloud!, ['config', 'set', 'project', 'mlops-project-si'], {env})).code).toBe(0)

    const adc = await run('bash', ['-euo', 'pipefail', '-c', findCloudStandIn('gcloud auth application-default login')!.run], {env})
    expect(adc.code, adc.stderr).toBe(0)
    const file = path.join(configDir, 'application_default_credentials.json')
    expect(adc.stdout).toContain(`Credentials saved to file: [${file}]`)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      type: 'authorized_user',
      quota_project_id: 'mlops-project-si',
      token: 'fake',
      expiry: '2099-01-01T00:00:00Z'
    })

    const config = await run(gcloud!, ['config', 'list', '--format=json'], {env})
    expect(JSON.parse(config.stdout)).toMatchObject({core: {account: STAND_IN_ACCOUNT, project: 'mlops-project-si'}})
  }, 60_000)
})
