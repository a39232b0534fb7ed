import {describe, expect, test} from 'vitest'
import {detectKind, lastCommand} from '../../src/compare/index.js'

describe('comparison kind', () => {
  test('the last command of a block decides', () => {
    const block = '# Add all the available files\ngit add .\n\n# Check the changes\ngit status\n'
    expect(lastCommand(block)).toBe('git status')
    expect(detectKind('anything', {command: block})).toBe('git-status')
    expect(detectKind('anything', {command: 'git diff requirements.txt'})).toBe('git-diff')
    expect(detectKind('anything', {command: 'git --no-pager diff \\\n  params.yaml'})).toBe('git-diff')
    expect(detectKind('anything', {command: 'git status && git diff'})).toBe('git-diff')
  })

  test('short and stat forms are text', () => {
    expect(detectKind('M  a', {command: 'git status --short'})).toBe('text')
    expect(detectKind(' 1 file changed', {command: 'git diff --stat'})).toBe('text')
  })

  test('without a command, the fence language and the block itself decide', () => {
    expect(detectKind('{}', {lang: 'json'})).toBe('json')
    expect(detectKind('\ndiff --git a/x b/x', {})).toBe('git-diff')
    expect(detectKind('On branch main', {command: 'cat notes.txt'})).toBe('git-status')
    expect(detectKind('hello', {command: 'echo hello'})).toBe('text')
    expect(detectKind('@@ -1 +1 @@\n-a\n+b', {lang: 'diff'})).toBe('git-diff')
    expect(detectKind('-a\n+b', {lang: 'diff'})).toBe('text')
  })
})
