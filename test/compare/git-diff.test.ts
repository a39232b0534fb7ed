import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {compareOutput, parseGitDiff} from '../../src/compare/index.js'
import {createRepo, requireGit, skipWithoutGit} from './real-git.js'
import type {Repo} from './real-git.js'

// Written the way a doc shows it: a stale `index` line and context lines
// that lost their leading space.
const doc = [
  'diff --git a/params.yaml b/params.yaml',
  'index 0123abc..4567def 100644',
  '--- a/params.yaml',
  '+++ b/params.yaml',
  '@@ -1,5 +1,5 @@',
  'prepare:',
  '  split: 0.2',
  '-  seed: 20',
  '+  seed: 42',
  'train:',
  '  epochs: 10'
].join('\n')

describe.skipIf(skipWithoutGit)('git diff compared by meaning (real git)', () => {
  let repo: Repo
  let diff = ''
  let twoFiles = ''
  let newFile = ''
  let coloured = ''

  beforeAll(() => {
    requireGit()
    repo = createRepo()
    repo.write('params.yaml', 'prepare:\n  split: 0.2\n  seed: 20\ntrain:\n  epochs: 10\n')
    repo.write('README.md', '# Project\n')
    repo.git('add', '.')
    repo.git('commit', '--quiet', '-m', 'Initial')
    repo.write('params.yaml', 'prepare:\n  split: 0.2\n  seed: 42\ntrain:\n  epochs: 10\n')
    diff = repo.git('diff', 'params.yaml')
    coloured = repo.git('-c', 'color.ui=always', 'diff', 'params.yaml')
    repo.write('README.md', '# Project\n\nMore.\n')
    twoFiles = repo.git('diff')
    repo.write('dvc.yaml', 'stages: {}\n')
    repo.git('add', 'dvc.yaml')
    newFile = repo.git('diff', '--cached')
  })

  afterAll(() => repo?.remove())

  test('git prints a leading space on context lines and another index', () => {
    expect(diff).toContain('\n prepare:\n')
    expect(diff).not.toContain('index 0123abc..4567def')
  })

  test('the doc-style diff matches; stale index and missing spaces are named', () => {
    const result = compareOutput(doc, diff, {command: 'git diff params.yaml', lang: 'diff'})
    expect(result.kind).toBe('git-diff')
    expect(result.mismatches).toEqual([])
    expect(result.ok).toBe(true)
    const rules = result.tolerated.map((t) => t.rule)
    expect(rules).toContain('stale-index-line')
    expect(rules).toContain('context-without-leading-space')
  })

  test('colour escapes, as git prints them in a terminal, are removed', () => {
    expect(coloured).toContain('\u001b[')
    const result = compareOutput(doc, coloured, {command: 'git diff params.yaml'})
    expect(result.mismatches).toEqual([])
    expect(result.diff).not.toContain('\u001b')
  })

  test('a wrong +/- line fails, naming file and both lines', () => {
    const result = compareOutput(doc.replace('+  seed: 42', '+  seed: 43'), diff, {command: 'git diff params.yaml'})
    expect(result.ok).toBe(false)
    expect(result.mismatches.map((m) => m.message)).toEqual([
      'git diff params.yaml: expected line `+  seed: 43`, git printed `+  seed: 42`'
    ])
    expect(result.mismatches[0]?.expectedLine).toBe(9)
    expect(result.diff).toContain('\n-+  seed: 43\n++  seed: 42\n')
    expect(result.diff).not.toContain('-prepare:')
  })

  test('hunk numbers are tolerated when the lines match, reported when they do not', () => {
    const shifted = doc.replace('@@ -1,5 +1,5 @@', '@@ -3,4 +3,4 @@')
    const same = compareOutput(shifted, diff, {command: 'git diff params.yaml'})
    expect(same.ok).toBe(true)
    expect(same.tolerated.map((t) => t.rule)).toContain('hunk-header-numbers')
    const wrong = compareOutput(shifted.replace('-  seed: 20', '-  seed: 21'), diff, {command: 'git diff params.yaml'})
    expect(wrong.mismatches.map((m) => m.message)).toContain(
      'git diff params.yaml: expected hunk header `@@ -3,4 +3,4 @@`, git printed `@@ -1,5 +1,5 @@`'
    )
  })

  test('a line the doc has and git does not fails', () => {
    const result = compareOutput(doc.replace('+  seed: 42', '+  seed: 42\n+  folds: 5'), diff, {command: 'git diff params.yaml'})
    expect(result.mismatches.map((m) => m.message)).toEqual([
      'git diff params.yaml: expected line `+  folds: 5`, which git did not print'
    ])
  })

  test('a change git prints and the doc does not show fails', () => {
    const result = compareOutput(doc.replace('+  seed: 42\n', ''), diff, {command: 'git diff params.yaml'})
    expect(result.mismatches.map((m) => m.message)).toEqual([
      'git diff params.yaml: git printed `+  seed: 42`, which the doc does not show'
    ])
  })

  test('context the doc trimmed is an extra line, failing only under the fail policy', () => {
    const trimmed = doc.replace('\ntrain:\n  epochs: 10', '')
    const warn = compareOutput(trimmed, diff, {command: 'git diff params.yaml'})
    expect(warn.ok).toBe(true)
    expect(warn.extraLines.map((e) => e.line)).toEqual([' train:', '   epochs: 10'])
    const fail = compareOutput(trimmed, diff, {command: 'git diff params.yaml', policy: {extraLines: 'fail'}})
    expect(fail.ok).toBe(false)
    expect(fail.mismatches).toEqual([])
  })

  test('a file the doc does not show fails; `...` between files accepts it', () => {
    const result = compareOutput(doc, twoFiles, {command: 'git diff'})
    expect(result.mismatches.map((m) => m.message)).toEqual([
      'git diff: git printed changes to README.md, which the doc does not show'
    ])
    expect(compareOutput(`...\n${doc}`, twoFiles, {command: 'git diff'}).ok).toBe(true)
  })

  test('a file git did not diff fails', () => {
    const other = doc.replaceAll('params.yaml', 'dvc.yaml')
    const result = compareOutput(other, diff, {command: 'git diff'})
    expect(result.mismatches[0]?.message).toBe('git diff dvc.yaml: expected changes to dvc.yaml, but git printed none for it')
  })

  test('a new file shown as a modification fails', () => {
    const shown = ['diff --git a/dvc.yaml b/dvc.yaml', 'index 0000000..1a2b3c4', '--- a/dvc.yaml', '+++ b/dvc.yaml', '@@ -0,0 +1 @@', '+stages: {}'].join('\n')
    const result = compareOutput(shown, newFile, {command: 'git diff --cached'})
    expect(result.mismatches.map((m) => m.message)).toEqual([
      'git diff dvc.yaml: expected a modified change, git printed a new file change'
    ])
  })

  test('parses files, hunks and line kinds', () => {
    const parsed = parseGitDiff(twoFiles)
    expect(parsed.files.map((f) => f.path)).toEqual(['README.md', 'params.yaml'])
    expect(parsed.files[1]?.lines.map((l) => l.kind).join('')).toBe('  -+  ')
  })
})

describe('git diff blocks of other shapes', () => {
  const actual = [
    'diff --git a/params.yaml b/params.yaml',
    'index 1a2b3c4..5d6e7f8 100644',
    '--- a/params.yaml',
    '+++ b/params.yaml',
    '@@ -1,5 +1,5 @@',
    ' prepare:',
    '   split: 0.2',
    '-  seed: 20',
    '+  seed: 42',
    ' train:',
    '   epochs: 10',
    ''
  ].join('\n')

  test('a block without its `diff --git` line is read from `---`/`+++`', () => {
    const doc = ['--- a/params.yaml', '+++ b/params.yaml', '@@ -1,5 +1,5 @@', ' prepare:', '   split: 0.2', '-  seed: 20', '+  seed: 42', ' train:', '   epochs: 10'].join('\n')
    const result = compareOutput(doc, actual, {command: 'git diff params.yaml'})
    expect(result.mismatches).toEqual([])
    expect(result.extraLines).toEqual([])
  })

  test('`...` inside a hunk accepts any lines', () => {
    const doc = ['diff --git a/params.yaml b/params.yaml', '@@ -1,5 +1,5 @@', '...', '+  seed: 42', '...'].join('\n')
    const result = compareOutput(doc, actual, {command: 'git diff', policy: {extraLines: 'fail'}})
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toContain('elision')
  })
})
