import {describe, expect, it} from 'vitest'
import {exitCodeFor, formatDiagnostics} from '../../src/lint/index.js'
import type {Diagnostic} from '../../src/plan/types.js'

const diagnostics: Diagnostic[] = [
  {file: 'b.md', line: 3, column: 1, severity: 'warning', rule: 'todo-comment', message: 'Leftover comment.'},
  {file: 'a.md', line: 10, column: 2, severity: 'error', rule: 'unclosed-fence', message: 'Never\nclosed.'},
  {file: 'a.md', line: 2, column: 5, severity: 'info', rule: 'x', message: 'First.'}
]

describe('formatDiagnostics', () => {
  it('prints file:line:col severity rule message, sorted, one per line', () => {
    expect(formatDiagnostics(diagnostics, 'text')).toBe(
      'a.md:2:5 info x First.\n' +
        'a.md:10:2 error unclosed-fence Never closed.\n' +
        'b.md:3:1 warning todo-comment Leftover comment.\n'
    )
  })

  it('prints a sorted JSON array that parses back', () => {
    const parsed = JSON.parse(formatDiagnostics(diagnostics, 'json')) as Diagnostic[]
    expect(parsed.map((d) => `${d.file}:${d.line}`)).toEqual(['a.md:2', 'a.md:10', 'b.md:3'])
  })

  it('prints nothing for no diagnostics', () => {
    expect(formatDiagnostics([], 'text')).toBe('')
    expect(JSON.parse(formatDiagnostics([], 'json'))).toEqual([])
  })
})

describe('exitCodeFor', () => {
  it('is 1 with an error and 0 with warnings only', () => {
    expect(exitCodeFor(diagnostics)).toBe(1)
    expect(exitCodeFor(diagnostics.filter((d) => d.severity !== 'error'))).toBe(0)
  })
})
