import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'todo-comment'
const found = (text: string) =>
  lintText(text, 'x.md')
    .filter((d) => d.rule === rule)
    .map((d) => [d.line, d.column])

describe(rule, () => {
  it('reports link-reference and HTML TODO comments, also inside containers', () => {
    const text = md(
      '[//]: # "TODO: explain"',
      '',
      '<!-- TODO add a figure -->',
      '',
      '!!! note',
      '',
      '    [//]: # (TODO)',
      '',
      '<!--',
      'TODO: multi-line',
      '-->'
    )
    expect(found(text)).toEqual([
      [1, 1],
      [3, 1],
      [7, 5],
      [9, 1]
    ])
  })

  it('ignores ordinary comments, the word TODO in prose, and comments shown in code', () => {
    const text = md('[//]: # "Note for editors"', '<!-- keep in sync -->', 'Make a TODO list.', '', '```md', '<!-- TODO -->', '```')
    expect(found(text)).toEqual([])
  })
})
