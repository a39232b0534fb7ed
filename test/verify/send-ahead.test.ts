/**
 * Which block the chapter runner sends to the learner's terminal before
 * its turn (nextToSendAhead): the next command when only expected outputs
 * lie between, never past a file step, and none with --step. Each block
 * looks, while it runs, at the file bash sources next (the block sent
 * ahead, or an older one). A real bash session on a small chapter.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {planChapter, prepareVariant} from '../../src/plan/index.js'
import {createSandbox, ShellSession} from '../../src/runner/index.js'
import {runPreparedChapter} from '../../src/verify/lib/run-chapter.js'
import {requireTools} from '../runner/require-tools.js'

const ready = requireTools(['bash'])

const peek = (name: string): string => `sleep 0.2; cat "$__dv_D/block-$(((__dv_seq + 1) % 2)).sh" > ${name}`

const chapter = [
  '# Send ahead',
  '',
  // The shell starts with the first block: blocks asked for meanwhile wait.
  '```sh title="Execute the following command(s) in a terminal"',
  'mkdir -p project',
  '```',
  '',
  '```sh title="Execute the following command(s) in a terminal"',
  'echo one',
  peek('peek-a.txt'),
  '```',
  '',
  'The output should be similar to this:',
  '',
  '```text',
  'one',
  '```',
  '',
  '```sh title="Execute the following command(s) in a terminal"',
  'echo second-block',
  peek('peek-b.txt'),
  '```',
  '',
  'Create `notes.txt`:',
  '',
  '```text title="notes.txt"',
  'noted',
  '```',
  '',
  '```sh title="Execute the following command(s) in a terminal"',
  'cat notes.txt',
  '```',
  '',
  'The output should be similar to this:',
  '',
  '```text',
  'noted',
  '```',
  ''
].join('\n')

async function runChapter(stepByStep: boolean): Promise<{status: string; peeks: Record<string, string>}> {
  const plan = planChapter(chapter, 'send-ahead.md')
  const prepared = prepareVariant(plan, plan.variants[0]!, {config: {}})
  const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
  const session = new ShellSession(sandbox, {killGraceMs: 300, mergeStreams: true})
  try {
    const report = await runPreparedChapter(prepared, {sandbox, session, config: {}, ...(stepByStep ? {stepByStep} : {})})
    const read = (name: string): string => fs.readFileSync(path.join(session.cwd, name), 'utf8')
    return {status: report.status, peeks: {a: read('peek-a.txt'), b: read('peek-b.txt')}}
  } finally {
    await session.close()
    await sandbox.dispose()
  }
}

describe.runIf(ready)('the chapter runner sends a block ahead only where nothing must see the block before it', () => {
  it('sends the next block past an expected output, not past a file step, and the chapter passes', async () => {
    const {status, peeks} = await runChapter(false)
    expect(status).toBe('passed')
    expect(peeks.a).toContain('echo second-block')
    expect(peeks.b).not.toContain('cat notes.txt')
  })

  it('sends nothing ahead step by step (the learner\'s --step replay)', async () => {
    const {status, peeks} = await runChapter(true)
    expect(status).toBe('passed')
    expect(peeks.a).not.toContain('echo second-block')
    expect(peeks.b).not.toContain('cat notes.txt')
  })
})
