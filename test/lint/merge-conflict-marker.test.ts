import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'merge-conflict-marker'
const markerLines = (text: string): number[] =>
  lintText(text, 'x.md').filter((d) => d.rule === rule).map((d) => d.line)

describe(rule, () => {
  it('reports each marker of a leftover conflict at its line', () => {
    const text = md('# Title', '', '<<<<<<< HEAD', 'Ours.', '=======', 'Theirs.', '>>>>>>> feature', '', 'After.')
    expect(markerLines(text)).toEqual([3, 5, 7])
    expect(exitCode(text)).toBe(true)
  })

  it('reports a diff3 base marker and a conflict whose opening line was deleted', () => {
    expect(markerLines(md('<<<<<<< HEAD', 'a', '||||||| base', 'b', '=======', 'c', '>>>>>>> main'))).toEqual([1, 3, 5, 7])
    expect(markerLines(md('Text.', '', '=======', 'Theirs.', '>>>>>>> 1234abc (Message)'))).toEqual([3, 5])
  })

  it('does not take a setext heading or a longer ruler for a marker', () => {
    const text = md('Title', '=======', '', 'Intro.', '', '==========', '', 'Other title', '=======')
    expect(markerLines(text)).toEqual([])
  })

  it('leaves markers shown inside a code block alone', () => {
    const text = md(
      'A conflict looks like this:',
      '',
      '```text',
      '<<<<<<< HEAD',
      'ours',
      '=======',
      'theirs',
      '>>>>>>> branch',
      '```',
      '',
      '=== "Tab"',
      '',
      '    ```text',
      '    <<<<<<< HEAD',
      '    =======',
      '    >>>>>>> branch',
      '    ```'
    )
    expect(markerLines(text)).toEqual([])
  })

  it('reports a marker at column 0 that cuts a code block inside a tab (the site ends the fence there)', () => {
    const text = md('=== "Tab"', '', '    ```sh', '    echo one', '<<<<<<< HEAD', '    echo two', '    ```')
    expect(markerLines(text)).toEqual([5])
  })
})

function exitCode(text: string): boolean {
  return lintText(text, 'x.md').some((d) => d.severity === 'error')
}
