import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {compareOutput} from '../../src/compare/index.js'
import {createRepo, requireGit, skipWithoutGit} from './real-git.js'
import type {Repo} from './real-git.js'

describe.skipIf(skipWithoutGit)('text output line by line (real git commit and log)', () => {
  let repo: Repo
  let commit = ''
  let log = ''

  beforeAll(() => {
    requireGit()
    repo = createRepo()
    repo.write('data.csv', 'a,b\n')
    repo.git('add', '.')
    commit = repo.git('commit', '-m', 'Add data')
    log = repo.git('log', '-1')
  })

  afterAll(() => repo?.remove())

  const commitDoc = ['[main (root-commit) abc1234] Add data', ' 1 file changed, 1 insertion(+)', ' create mode 100644 data.csv'].join('\n')

  test('a stale short hash in `[main abc1234]` is tolerated', () => {
    expect(commit).not.toContain('abc1234')
    const result = compareOutput(commitDoc, commit, {command: 'git commit -m "Add data"'})
    expect(result.kind).toBe('text')
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toEqual(['short-hash'])
    expect(result.diff).toBe('')
  })

  test('commit ids and dates of git log are tolerated', () => {
    const doc = [
      'commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      'Author: Learner <learner@example.com>',
      'Date:   Mon Jan 8 10:00:00 2024 +0100',
      '',
      '    Add data'
    ].join('\n')
    const result = compareOutput(doc, log, {command: 'git log -1'})
    expect(result.mismatches).toEqual([])
    expect(result.tolerated.map((t) => t.rule)).toEqual(expect.arrayContaining(['commit-id', 'date-time']))
  })

  test('a different line fails with both lines', () => {
    const result = compareOutput(commitDoc.replace('1 file changed, 1 insertion(+)', '2 files changed, 2 insertions(+)'), commit, {
      command: 'git commit -m "Add data"'
    })
    expect(result.ok).toBe(false)
    expect(result.mismatches).toEqual([
      {
        message: 'expected line ` 2 files changed, 2 insertions(+)`, git printed ` 1 file changed, 1 insertion(+)`',
        expectedLine: 2,
        expected: ' 2 files changed, 2 insertions(+)',
        actual: ' 1 file changed, 1 insertion(+)'
      }
    ])
    expect(result.diff).toContain('- 2 files changed, 2 insertions(+)')
    expect(result.diff).toContain('+ 1 file changed, 1 insertion(+)')
  })

  test('a line the output does not have fails', () => {
    const result = compareOutput(`${commitDoc}\n create mode 100644 data.csv.dvc`, commit, {command: 'git commit'})
    expect(result.mismatches.map((m) => m.message)).toEqual([
      'expected line ` create mode 100644 data.csv.dvc`, which is not in the output'
    ])
  })

  test('lines out of order fail', () => {
    const swapped = [commitDoc.split('\n')[0], commitDoc.split('\n')[2], commitDoc.split('\n')[1]].join('\n')
    expect(compareOutput(swapped, commit, {command: 'git commit'}).ok).toBe(false)
  })

  test('an extra output line warns by default and fails under the fail policy', () => {
    const shorter = commitDoc.split('\n').slice(0, 2).join('\n')
    const warn = compareOutput(shorter, commit, {command: 'git commit'})
    expect(warn.ok).toBe(true)
    expect(warn.extraLines).toEqual([
      {line: ' create mode 100644 data.csv', message: 'git printed ` create mode 100644 data.csv`, which the doc does not show'}
    ])
    const fail = compareOutput(shorter, commit, {command: 'git commit', policy: {extraLines: 'fail'}})
    expect(fail.ok).toBe(false)
    expect(fail.extraLines).toHaveLength(1)
  })

  test('`...` stands for any number of lines, `[...]` and `…` too', () => {
    for (const elision of ['...', '[...]', '…']) {
      const doc = `[main (root-commit) abc1234] Add data\n${elision}`
      const result = compareOutput(doc, commit, {command: 'git commit', policy: {extraLines: 'fail'}})
      expect(result.ok).toBe(true)
      expect(result.extraLines).toEqual([])
      expect(result.tolerated.map((t) => t.rule)).toContain('elision')
    }
    const middle = '[main (root-commit) abc1234] Add data\n...\n create mode 100644 data.csv'
    expect(compareOutput(middle, commit, {command: 'git commit', policy: {extraLines: 'fail'}}).ok).toBe(true)
    const wrongAfter = '[main (root-commit) abc1234] Add data\n...\n create mode 100644 other.csv'
    expect(compareOutput(wrongAfter, commit, {command: 'git commit'}).ok).toBe(false)
  })
})

describe('text output: volatile parts', () => {
  test('durations, dates, addresses and temp paths are tolerated', () => {
    const doc = [
      'Ran 3 tests in 0.012s',
      'Elapsed: 0:00:01, done in 2 ms',
      'Started at 2024-01-08T10:00:00Z',
      'Date: Mon, 08 Jan 2024 10:00:00 +0000',
      'Uvicorn running on http://127.0.0.1:8000',
      'Cache in /tmp/tmpab12/cache'
    ].join('\n')
    const actual = [
      'Ran 3 tests in 1.23s',
      'Elapsed: 0:00:07, done in 15 ms',
      'Started at 2026-11-22T22:13:15.123Z',
      'Date: Sun, 22 Nov 2026 22:13:15 +0000',
      'Uvicorn running on http://10.0.0.5:8080',
      'Cache in /tmp/pytest-of-root/x/cache'
    ].join('\n')
    const result = compareOutput(doc, actual, {})
    expect(result.mismatches).toEqual([])
    expect(result.tolerated.map((t) => t.rule).sort()).toEqual(['date-time', 'duration', 'ip-address', 'port', 'temp-path'])
  })

  test('metric values are not volatile: a changed number fails', () => {
    expect(compareOutput('accuracy: 0.91', 'accuracy: 0.87', {}).ok).toBe(false)
  })

  test('CRLF, trailing whitespace, tabs and blank lines are tolerated and named', () => {
    const result = compareOutput('Name    Value\nalpha   1\n\nbeta 2', 'Name\tValue  \r\nalpha 1\r\nbeta 2\r\n', {})
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule).sort()).toEqual([
      'blank-lines',
      'crlf',
      'tabs-vs-spaces',
      'trailing-whitespace',
      'whitespace-runs'
    ])
  })

  test('progress bars, redrawn or repeated, read as one progress line', () => {
    const doc = 'Collecting files\n100%|██████████| 3/3 [00:00<00:00, 12.0file/s]\n3 files pushed'
    const actual = 'Collecting files\n  0%|          | 0/3\r 67%|██████▋   | 2/3\n 33%|███▎      | 1/3\n100%|██████████| 3/3\n3 files pushed\n'
    const result = compareOutput(doc, actual, {command: 'dvc push', policy: {extraLines: 'fail'}})
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toEqual(expect.arrayContaining(['carriage-return', 'progress']))
  })

  test('messages name the program of the last command of the block', () => {
    const result = compareOutput('Everything is up to date.', 'Nothing changed.', {command: 'git add .\ndvc status'})
    expect(result.mismatches[0]?.message).toBe('expected line `Everything is up to date.`, which is not in the output')
    const close = compareOutput('3 files pushed', '4 files pushed', {command: 'git add .\ndvc push'})
    expect(close.mismatches[0]?.message).toBe('expected line `3 files pushed`, dvc printed `4 files pushed`')
  })
})

describe('json output compared as parsed values', () => {
  const doc = '{\n  "name": "model",\n  "created": "2024-01-08T10:00:00Z",\n  "size": 10\n}'

  test('volatile strings are masked and extra keys are extra lines', () => {
    const actual = JSON.stringify({name: 'model', created: '2026-11-22T22:13:15Z', size: 10, etag: 'x'})
    const result = compareOutput(doc, actual, {lang: 'json'})
    expect(result.kind).toBe('json')
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toEqual(expect.arrayContaining(['json-structure', 'date-time']))
    expect(result.extraLines.map((e) => e.line)).toEqual(['"etag": "x"'])
  })

  test('a different value fails at its line', () => {
    const result = compareOutput(doc, JSON.stringify({name: 'model', created: '2024-01-08T10:00:00Z', size: 12}), {lang: 'json'})
    expect(result.mismatches).toEqual([
      {message: 'json $.size: expected 10, the output has 12', expectedLine: 4, expected: '10', actual: '12'}
    ])
  })

  test('output that is not JSON is compared as text', () => {
    expect(compareOutput(doc, 'Error: not found', {lang: 'json'}).kind).toBe('text')
  })
})

describe('odd input never crashes', () => {
  test('empty blocks and empty output', () => {
    expect(compareOutput('', '', {}).ok).toBe(true)
    expect(compareOutput('', 'something\n', {}).extraLines).toHaveLength(1)
    expect(compareOutput('On branch main', '', {command: 'git status'}).mismatches.map((m) => m.message)).toEqual([
      'git status: expected the branch line `On branch main`, which git did not print'
    ])
    expect(compareOutput('diff --git a/x b/x\n@@ -1 +1 @@\n-a\n+b', 'fatal: not a git repository', {command: 'git diff'}).ok).toBe(false)
  })

  test('a long output against a long block stays in order', () => {
    const lines = Array.from({length: 4500}, (_, index) => `line ${index}`)
    const result = compareOutput(lines.join('\n'), [...lines.slice(0, 2000), "inserted", ...lines.slice(2000)].join('\n'), {})
    expect(result.mismatches).toEqual([])
    expect(result.extraLines.map((e) => e.line)).toEqual(['inserted'])
  })
})

test('a json "..." value matches anything', () => {
  expect(compareOutput('{"id": "...", "n": 1}', '{"id": {"deep": true}, "n": 1}', {lang: 'json'}).ok).toBe(true)
})

test('a long block against unrelated long output reports, without pairing every line', () => {
  const doc = Array.from({length: 1000}, (_, index) => `expected ${index}`).join('\n')
  const output = Array.from({length: 1000}, (_, index) => `printed ${index}`).join('\n')
  const result = compareOutput(doc, output, {})
  expect(result.mismatches).toHaveLength(1000)
  expect(result.extraLines).toHaveLength(1000)
})
