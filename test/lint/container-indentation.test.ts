import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'container-indentation'
const found = (text: string) =>
  lintText(text, 'x.md')
    .filter((d) => d.rule === rule)
    .map((d) => [d.line, d.severity])

describe(rule, () => {
  it('reports a body indented by 2 spaces as an error, once', () => {
    expect(found(md('=== "Tab"', '', '  Body at two.', '  More at two.'))).toEqual([[3, 'error']])
  })

  it('reports a body indented by 3 spaces under a nested admonition', () => {
    expect(found(md('=== "Tab"', '', '    !!! tip', '', '       Three too few.'))).toEqual([[5, 'error']])
  })

  it('reports a tab-indented body as a warning', () => {
    expect(found(md('!!! note', '', '\tBody with a tab.'))).toEqual([[3, 'warning']])
  })

  it('accepts 4-space bodies, nested ones, and tabs inside code blocks', () => {
    const text = md(
      '=== "Tab"',
      '',
      '    Body.',
      '',
      '    ??? info "More"',
      '',
      '        Nested body.',
      '',
      '    ```make',
      '    all:',
      '    \techo tab inside code',
      '    ```',
      '',
      '!!! note "Title only"',
      '',
      'Top-level paragraph.'
    )
    expect(found(text)).toEqual([])
  })
})

describe('container openers', () => {
  it('recognises `===+`, `===!` and `??? "Title"` openers', () => {
    const text = md('===+ "Selected"', '', '  two', '', '===! "New group"', '', '  two', '', '??? "Only a title"', '', '  two')
    expect(found(text)).toEqual([
      [3, 'error'],
      [7, 'error'],
      [11, 'error']
    ])
  })
})
