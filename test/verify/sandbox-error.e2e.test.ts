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

/** A folder with a `bwrap` that runs the real one, made to fail (a missing
 * mount source) when its arguments hold the word `word`. */
function failingBwrap(word: string): string {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-failing-bwrap-'))
  made.push(bin)
  const real = findOnPath('bwrap')
  fs.writeFileSync(
    path.join(bin, 'bwrap'),
    `#!/bin/sh\ncase " $* " in\n  *" ${word} "*) exec ${real} --ro-bind /docs-verify-missing-source /mnt "$@" ;;\nesac\nexec ${real} "$@"\n`,
    {mode: 0o755}
  )
  return bin
}

/** `docs-verify chapter-1` in bwrap mode on a guide of one chapter, with
 * `bin` (a failing bwrap) first on PATH. */
async function runChapterWith(bin: string, name: string, text: string): ReturnType<typeof runCli> {
  const guide = await makeGuide([{name, text}])
  made.push(guide)
  return runCli(['chapter-1', '--no-cache', '--sandbox', 'bwrap', '--reporter', 'plain'], {
    cwd: guide,
    env: ciEnv({PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`})
  })
}

describe.runIf(ready)('docs-verify when the sandbox fails', () => {
  it('a file step bwrap cannot start ends the run with exit 2 and bwrap\'s words, not "not applied" (real bwrap, made to fail by a wrapper that adds a missing mount source)', async () => {
    // Only the file step's write (its argv names `file-step`) fails: the
    // probe, the git remote and the shell start as usual.
    const bin = failingBwrap('file-step')
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
    const result = await runChapterWith(bin, 'chapter-1-write-a-file.md', chapter)
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/^docs-verify: sandbox error: the sandbox could not start the write of the file step \S+params\.yaml: bwrap: Can't find source path \/docs-verify-missing-source/m)
    expect(result.stderr).toMatch(/not a finding about the doc/)
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/)
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/not applied|not-applied/)
  })

  it('a learner\'s shell bwrap cannot start ends the run with exit 2 and bwrap\'s words, not an internal error (real bwrap, made to fail by a wrapper that adds a missing mount source)', async () => {
    // Only the learner's shell (bash --norc) fails to start.
    const bin = failingBwrap('--norc')
    const chapter = ['# Chapter 1 - Say hello', '', `${fence}sh title="Execute the following command(s) in a terminal"`, 'echo hello', fence, ''].join('\n')
    const result = await runChapterWith(bin, 'chapter-1-say-hello.md', chapter)
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/^docs-verify: sandbox error: the sandbox could not start the learner's shell: bwrap: Can't find source path \/docs-verify-missing-source/m)
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/)
  })
})
