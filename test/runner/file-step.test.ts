import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createSandbox, runSetup, ShellSession} from '../../src/runner/index.js'
import type {Sandbox} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'

const ready = requireTools(['bash', 'git'])

let sandbox: Sandbox
let session: ShellSession

beforeAll(async () => {
  if (!ready) return
  sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
  session = new ShellSession(sandbox)
})

afterAll(async () => {
  if (!ready) return
  await session.close()
  await sandbox.dispose()
})

describe.runIf(ready)('writeFileStep', () => {
  it('writes a full file relative to the current directory, creating parents', async () => {
    await session.run({id: 'command@1', text: 'mkdir project && cd project'})
    const result = await session.writeFileStep({id: 'file@5', path: 'src/params.yaml', text: 'seed: 77', mode: 'full'})
    const target = path.join(sandbox.paths.work, 'project', 'src', 'params.yaml')
    expect(result).toEqual({id: 'file@5', status: 'written', path: target, reason: 'the block is the whole file'})
    expect(fs.readFileSync(target, 'utf8')).toBe('seed: 77\n')
    const seen = await session.run({id: 'command@9', text: 'cat src/params.yaml'})
    expect(seen.output).toBe('seed: 77\n')
  })

  it('reports a partial change as not applied unless the config gives the whole file', async () => {
    const skipped = await session.writeFileStep({id: 'file@12', path: 'requirements.txt', text: 'dvc[gs]==3.47.0', mode: 'partial'})
    expect(skipped.status).toBe('not-applied')
    expect(skipped.reason).toMatch(/fileEdits/)
    expect(fs.existsSync(skipped.path)).toBe(false)
    const applied = await session.writeFileStep({
      id: 'file@12',
      path: 'requirements.txt',
      text: 'dvc[gs]==3.47.0',
      mode: 'partial',
      replacement: {content: 'dvc==3.47.0\ndvc[gs]==3.47.0\n', reason: 'chapter 7 adds the gs extra'}
    })
    expect(applied.status).toBe('written')
    expect(fs.readFileSync(applied.path, 'utf8')).toBe('dvc==3.47.0\ndvc[gs]==3.47.0\n')
    const shown = await session.writeFileStep({id: 'file@20', path: '.dvc/config', text: '[core]', mode: 'display'})
    expect(shown.status).toBe('not-applied')
  })

  it('never writes outside the sandbox', async () => {
    const result = await session.writeFileStep({id: 'file@30', path: '../../../../../../etc/docs-verify-test', text: 'x', mode: 'full'})
    expect(result.status).toBe('not-applied')
    expect(result.reason).toMatch(/outside the sandbox/)
    const home = await session.writeFileStep({id: 'file@31', path: '~/.bashrc.d/x.sh', text: 'x', mode: 'full'})
    expect(home.path).toBe(path.join(sandbox.paths.home, '.bashrc.d', 'x.sh'))
    expect(home.status).toBe('written')
  })
})

describe.runIf(ready)('runSetup', () => {
  it('copies a directory into the working directory and runs the script in the session', async () => {
    const fixture = fs.mkdtempSync(path.join(sandbox.paths.tmp, 'fixture-'))
    fs.mkdirSync(path.join(fixture, 'data'))
    fs.writeFileSync(path.join(fixture, 'data', 'raw.csv'), 'a,b\n')
    const setup = await runSetup(session, {copyDir: path.basename(fixture), script: 'export FROM_SETUP=1\ngit init -q .'}, sandbox.paths.tmp)
    expect(setup.copied).toBe(fixture)
    expect(setup.result?.exitCode).toBe(0)
    const seen = await session.run({id: 'command@1', text: 'cat data/raw.csv\necho "$FROM_SETUP"\ngit rev-parse --is-inside-work-tree'})
    expect(seen.output).toBe('a,b\n1\ntrue\n')
    const missing = await runSetup(session, {copyDir: 'no-such-dir'}, sandbox.paths.tmp)
    expect(missing.error).toMatch(/^setup.copyDir: cannot copy/)
  })
})
