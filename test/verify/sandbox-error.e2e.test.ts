import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {findOnPath} from '../../src/runner/lib/sandbox-mode.js'
import {requireTools} from '../runner/require-tools.js'
import {ciEnv, makeGuide, removeAll, runCli} from '../cli/run-cli.js'

/**
 * The real guide's chain once ended with its file steps reported "not
 * applied" (a red blamed on the doc) because bwrap could not start the
 * write. A bwrap that does not start is the sandbox's failure: the run
 * stops with exit 2 and bwrap's words, and no step is judged.
 */
const ready = requireTools(['bash', 'bwrap', 'git'])
const made: string[] = []
const fence = '```'

afterAll(async () => {
  await removeAll(made)
})

describe.runIf(ready)('docs-verify when the sandbox fails', () => {
  it('a file step bwrap cannot start ends the run with exit 2 and bwrap\'s words, not "not applied" (real bwrap, made to fail by a wrapper that adds a missing mount source)', async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-failing-bwrap-'))
    made.push(bin)
    // Only the file step's write (its argv names `file-step`) fails: the
    // probe, the git remote and the shell start as usual.
    fs.writeFileSync(
      path.join(bin, 'bwrap'),
      `#!/bin/sh\ncase " $* " in\n  *" file-step "*) exec ${findOnPath('bwrap')} --ro-bind /docs-verify-missing-source /mnt "$@" ;;\nesac\nexec ${findOnPath('bwrap')} "$@"\n`,
      {mode: 0o755}
    )
    const chapter = [
      '# Chapter 1 - Write a file',
      '',
      `${fence}sh title="Execute the following command(s) in a terminal"`,
      'mkdir project && cd project',
      fence,
      '',
      'Create `params.yaml`:',
      '',
      `${fence}yaml title="params.yaml"`,
      'seed: 1',
      fence,
      ''
    ].join('\n')
    const guide = await makeGuide([{name: 'chapter-1-write-a-file.md', text: chapter}])
    made.push(guide)
    const result = await runCli(['chapter-1', '--no-cache', '--sandbox', 'bwrap', '--reporter', 'plain'], {
      cwd: guide,
      env: ciEnv({PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`})
    })
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/^docs-verify: sandbox error: the sandbox could not start the write of the file step \S+params\.yaml: bwrap: Can't find source path \/docs-verify-missing-source/m)
    expect(result.stderr).toMatch(/not a finding about the doc/)
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/)
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/not applied|not-applied/)
  })

  it('a learner\'s shell bwrap cannot start ends the run with exit 2 and bwrap\'s words, not an internal error (real bwrap, made to fail by a wrapper that adds a missing mount source)', async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-failing-bwrap-'))
    made.push(bin)
    // Only the learner's shell (bash --norc) fails to start.
    fs.writeFileSync(
      path.join(bin, 'bwrap'),
      `#!/bin/sh\ncase " $* " in\n  *" --norc "*) exec ${findOnPath('bwrap')} --ro-bind /docs-verify-missing-source /mnt "$@" ;;\nesac\nexec ${findOnPath('bwrap')} "$@"\n`,
      {mode: 0o755}
    )
    const chapter = ['# Chapter 1 - Say hello', '', `${fence}sh title="Execute the following command(s) in a terminal"`, 'echo hello', fence, ''].join('\n')
    const guide = await makeGuide([{name: 'chapter-1-say-hello.md', text: chapter}])
    made.push(guide)
    const result = await runCli(['chapter-1', '--no-cache', '--sandbox', 'bwrap', '--reporter', 'plain'], {
      cwd: guide,
      env: ciEnv({PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`})
    })
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/^docs-verify: sandbox error: the sandbox could not start the learner's shell: bwrap: Can't find source path \/docs-verify-missing-source/m)
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/)
  })
})
