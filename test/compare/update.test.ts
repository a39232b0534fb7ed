import {describe, expect, test} from 'vitest'
import {compareOutput, renderExpectedUpdate} from '../../src/compare/index.js'

describe('renderExpectedUpdate', () => {
  test('lines differing only in volatile parts keep the doc wording', () => {
    const doc = '[main abc1234] Add data\n 1 file changed\nDone in 1.2s'
    const actual = '[main 9f8e7d6] Add data\n 2 files changed\nDone in 3.4s\n'
    expect(renderExpectedUpdate(doc, actual, {command: 'git commit'})).toBe('[main abc1234] Add data\n 2 files changed\nDone in 1.2s')
  })

  test('git status keeps the doc indentation for new entries', () => {
    const doc = 'On branch main\nChanges to be committed:\n  (use "git reset HEAD <file>..." to unstage)\n    modified:   a.txt'
    const actual = 'On branch main\nChanges to be committed:\n  (use "git restore --staged <file>..." to unstage)\n\tmodified:   a.txt\n\tnew file:   b.txt\n'
    const updated = renderExpectedUpdate(doc, actual, {command: 'git status'})
    expect(updated).toBe(
      'On branch main\nChanges to be committed:\n  (use "git restore --staged <file>..." to unstage)\n    modified:   a.txt\n    new file:   b.txt'
    )
    expect(updated).not.toContain('\t')
    expect(compareOutput(updated, actual, {command: 'git status'}).ok).toBe(true)
  })

  test('`...` lines stay and keep standing for what they covered', () => {
    const doc = 'Collecting dvc\n...\nSuccessfully installed dvc-3.47.0'
    const actual = 'Collecting dvc\n  Downloading dvc.whl\nInstalling collected packages\nSuccessfully installed dvc-3.67.0\n'
    expect(renderExpectedUpdate(doc, actual)).toBe('Collecting dvc\n...\nSuccessfully installed dvc-3.67.0')
  })

  test('an updated block compares equal to the output it came from', () => {
    const doc = 'Started 2024-01-08 10:00:00\nresult: 1\nold line'
    const actual = 'Started 2026-11-22 22:13:15\nresult: 2\nnew line\n'
    const updated = renderExpectedUpdate(doc, actual)
    expect(updated).toBe('Started 2024-01-08 10:00:00\nresult: 2\nnew line')
    expect(compareOutput(updated, actual, {policy: {extraLines: 'fail'}}).ok).toBe(true)
  })
})
