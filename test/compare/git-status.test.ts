import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {compareOutput, parseGitStatus} from '../../src/compare/index.js'
import {createRepo, requireGit, skipWithoutGit} from './real-git.js'
import type {Repo} from './real-git.js'

// Doc-style blocks are written the way tutorials print them: spaces where
// git prints a tab.
const stagedDoc = [
  'On branch main',
  'Changes to be committed:',
  '  (use "git restore --staged <file>..." to unstage)',
  '    modified:   .dvc/config',
  '    modified:   requirements-freeze.txt',
  '    modified:   requirements.txt'
].join('\n')

describe.skipIf(skipWithoutGit)('git status compared by meaning (real git)', () => {
  let repo: Repo
  let staged = ''
  let mixed = ''
  let clean = ''

  beforeAll(() => {
    requireGit()
    repo = createRepo()
    repo.write('.dvc/config', '')
    repo.write('requirements.txt', 'dvc==3.47.0\n')
    repo.write('requirements-freeze.txt', 'dvc==3.47.0\n')
    repo.write('data/old.csv', 'a,b\n')
    repo.git('add', '.')
    repo.git('commit', '--quiet', '-m', 'Initial')
    repo.write('.dvc/config', "[core]\n    remote = data\n")
    repo.write('requirements.txt', 'dvc[gs]==3.47.0\n')
    repo.write('requirements-freeze.txt', 'dvc[gs]==3.47.0\n')
    repo.git('add', '.')
    staged = repo.git('status')
    repo.git('commit', '--quiet', '-m', 'Use a bucket')
    clean = repo.git('status')
    repo.write('.dvc/config', "[core]\n    remote = other\n")
    repo.write('params.yaml', 'seed: 1\n')
    repo.git('add', '.dvc/config', 'params.yaml')
    repo.write('requirements.txt', 'dvc[gs]==3.48.0\n')
    repo.write('notes.txt', 'todo\n')
    mixed = repo.git('status')
  })

  afterAll(() => repo?.remove())

  test('git prints tabs where the doc has spaces', () => {
    expect(staged).toContain('\tmodified:   .dvc/config')
  })

  test('a doc block indented with spaces matches, tabs tolerated', () => {
    const result = compareOutput(stagedDoc, staged, {command: 'git add .\n\n# Check the changes\ngit status'})
    expect(result.kind).toBe('git-status')
    expect(result.mismatches).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toContain('tabs-vs-spaces')
  })

  test('hint lines of another git version are tolerated and named', () => {
    const olderGit = stagedDoc.replace('(use "git restore --staged <file>..." to unstage)', '(use "git reset HEAD <file>..." to unstage)')
    const result = compareOutput(olderGit, staged, {command: 'git status'})
    expect(result.ok).toBe(true)
    const hint = result.tolerated.find((t) => t.rule === 'git-status-hints')
    expect(hint?.message).toContain('git reset HEAD')
  })

  test('entry order within a section does not matter', () => {
    const reordered = stagedDoc.replace('    modified:   .dvc/config\n', '') + '\n    modified:   .dvc/config'
    const result = compareOutput(reordered, staged, {command: 'git status'})
    expect(result.ok).toBe(true)
    expect(result.tolerated.map((t) => t.rule)).toContain('git-status-entry-order')
  })

  test('an entry in the wrong section fails, naming path and sections', () => {
    const doc = [
      'On branch main',
      'Changes to be committed:',
      '    modified:   .dvc/config',
      '    modified:   requirements.txt',
      '    new file:   params.yaml',
      'Untracked files:',
      '    notes.txt'
    ].join('\n')
    const result = compareOutput(doc, mixed, {command: 'git status'})
    expect(result.ok).toBe(false)
    expect(result.mismatches.map((m) => m.message)).toEqual([
      "git status: expected `modified: requirements.txt` under 'Changes to be committed', but git printed it under 'Changes not staged for commit'"
    ])
    expect(result.mismatches[0]?.expectedLine).toBe(4)
  })

  test('an entry in the wrong state fails', () => {
    const doc = [
      'On branch main',
      'Changes to be committed:',
      '    modified:   .dvc/config',
      '    modified:   params.yaml',
      'Changes not staged for commit:',
      '    modified:   requirements.txt',
      'Untracked files:',
      '    notes.txt'
    ].join('\n')
    const result = compareOutput(doc, mixed, {command: 'git status'})
    expect(result.mismatches.map((m) => m.message)).toEqual([
      "git status: expected `modified: params.yaml` under 'Changes to be committed', but git printed `new file: params.yaml`"
    ])
  })

  test('a missing entry and an extra entry both fail', () => {
    const doc = [
      'On branch main',
      'Changes to be committed:',
      '    modified:   .dvc/config',
      '    new file:   params.yaml',
      '    deleted:    data/old.csv',
      'Changes not staged for commit:',
      '    modified:   requirements.txt'
    ].join('\n')
    const result = compareOutput(doc, mixed, {command: 'git status'})
    expect(result.ok).toBe(false)
    expect(result.mismatches.map((m) => m.message)).toEqual([
      "git status: expected `deleted: data/old.csv` under 'Changes to be committed', but git did not list data/old.csv",
      "git status: git printed `notes.txt` under 'Untracked files', which the doc does not show"
    ])
  })

  test('a `...` line accepts entries the doc does not show', () => {
    const doc = ['On branch main', 'Changes to be committed:', '    modified:   .dvc/config', '...'].join('\n')
    const result = compareOutput(doc, mixed, {command: 'git status'})
    expect(result.mismatches).toEqual([])
    expect(result.tolerated.map((t) => t.rule)).toContain('elision')
  })

  test('another branch fails', () => {
    const result = compareOutput(stagedDoc.replace('main', 'master'), staged, {command: 'git status'})
    expect(result.mismatches.map((m) => m.message)).toEqual(['git status: expected `On branch master`, git printed `On branch main`'])
  })

  test('the clean summary of an older git matches', () => {
    expect(clean).toContain('nothing to commit, working tree clean')
    const doc = 'On branch main\nnothing to commit (working directory clean)'
    expect(compareOutput(doc, clean, {command: 'git status'}).ok).toBe(true)
    const dirty = compareOutput('On branch main\nno changes added to commit', clean, {command: 'git status'})
    expect(dirty.ok).toBe(false)
  })

  test('parses sections, states and paths', () => {
    const status = parseGitStatus(mixed)
    expect(status.branch?.text).toBe('On branch main')
    expect(status.entries.map((e) => [e.section, e.state, e.path])).toEqual([
      ['Changes to be committed', 'modified', '.dvc/config'],
      ['Changes to be committed', 'new file', 'params.yaml'],
      ['Changes not staged for commit', 'modified', 'requirements.txt'],
      ['Untracked files', 'untracked', 'notes.txt']
    ])
  })
})

describe('git status lines outside the entries', () => {
  test('a summary or tracking line the doc leaves out is an extra line', () => {
    const actual = "On branch main\nYour branch is up to date with 'origin/main'.\n\nnothing to commit, working tree clean\n"
    const result = compareOutput('On branch main', actual, {command: 'git status'})
    expect(result.ok).toBe(true)
    expect(result.extraLines.map((e) => e.line)).toEqual([
      "Your branch is up to date with 'origin/main'.",
      'nothing to commit, working tree clean'
    ])
    expect(compareOutput('On branch main', actual, {command: 'git status', policy: {extraLines: 'fail'}}).ok).toBe(false)
  })

  test('a different tracking line fails', () => {
    const actual = "On branch main\nYour branch is ahead of 'origin/main' by 1 commit.\n  (use \"git push\" to publish your local commits)\n"
    const doc = "On branch main\nYour branch is up-to-date with 'origin/main'."
    expect(compareOutput(doc, actual, {command: 'git status'}).mismatches[0]?.message).toBe(
      "git status: expected `Your branch is up-to-date with 'origin/main'.`, git printed `Your branch is ahead of 'origin/main' by 1 commit.`"
    )
  })
})

test('entries a doc wrote without indentation are still entries', () => {
  const actual = 'On branch main\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n\tdata/\n\nnothing added to commit but untracked files present (use "git add" to track)\n'
  const doc = 'On branch main\nUntracked files:\ndata/\nnothing added to commit but untracked files present'
  const result = compareOutput(doc, actual, {command: 'git status'})
  expect(result.mismatches).toEqual([])
  expect(result.ok).toBe(true)
})
