import {describe, expect, it} from 'vitest'
import {applyStandIns} from '../../src/plan/index.js'
import type {StandIn} from '../../src/config/index.js'
import {createSandbox, ShellSession} from '../../src/runner/index.js'
import {requireTools} from '../runner/require-tools.js'

const ready = requireTools(['bash'])

const standIns: StandIn[] = [
  {match: 'gcloud init', run: 'echo "configured $GCP_PROJECT_ID"', reason: 'gcloud init needs a browser'},
  {match: '/^gcloud auth application-default login/', skip: true, reason: 'the sandbox writes a fake ADC file'},
  {match: 'gcloud projects create $GCP_PROJECT_ID', run: 'echo created\necho "project $GCP_PROJECT_ID"', reason: 'the fake resource manager is local'}
]

describe('applyStandIns', () => {
  it('rewrites matching command lines, keeps line numbers and lists every change', () => {
    const block = [
      '# Initialize and login to Google Cloud',
      'gcloud init',
      'gcloud   auth application-default \\',
      '    login --quiet',
      'gcloud projects create $GCP_PROJECT_ID',
      'echo done'
    ].join('\n')
    const {text, applied} = applyStandIns(block, standIns)
    const lines = text.split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[0]).toBe('# Initialize and login to Google Cloud')
    expect(lines[1]).toBe('echo "configured $GCP_PROJECT_ID"')
    expect(lines[2]).toMatch(/^: docs-verify skipped/)
    expect(lines[3]).toBe('')
    expect(lines[5]).toBe('echo done')
    expect(applied).toEqual([
      {line: 2, original: 'gcloud init', replacement: 'echo "configured $GCP_PROJECT_ID"', reason: 'gcloud init needs a browser'},
      {line: 3, original: 'gcloud   auth application-default \\\n    login --quiet', replacement: null, reason: 'the sandbox writes a fake ADC file'},
      {line: 5, original: 'gcloud projects create $GCP_PROJECT_ID', replacement: 'echo created\necho "project $GCP_PROJECT_ID"', reason: 'the fake resource manager is local'}
    ])
  })

  it('does not match a literal inside a longer command or a comment', () => {
    const {applied} = applyStandIns('# gcloud init\ngcloud init --console-only\n', standIns)
    expect(applied).toEqual([])
  })

  it.runIf(ready)('produces a block bash runs as intended (real bash)', async () => {
    const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
    const session = new ShellSession(sandbox)
    try {
      const block = 'export GCP_PROJECT_ID=demo\ngcloud init\ngcloud auth application-default login\ngcloud projects create $GCP_PROJECT_ID\nfalse'
      const {text} = applyStandIns(block, standIns)
      const result = await session.run({id: 'command@1', text})
      expect(result.output).toBe("configured demo\ncreated\nproject demo\n")
      expect(result.failedCommand?.line).toBe(5)
    } finally {
      await session.close()
      await sandbox.dispose()
    }
  })
})
