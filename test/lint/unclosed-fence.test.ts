import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'unclosed-fence'
const found = (text: string) =>
  lintText(text, 'x.md')
    .filter((d) => d.rule === rule)
    .map((d) => [d.line, d.column])

describe(rule, () => {
  it('reports a fence never closed before the end of the file', () => {
    expect(found(md('# T', '', '```sh', 'echo hi', '', 'More text.'))).toEqual([[3, 1]])
  })

  it('reports a fence inside a tab that the next tab ends', () => {
    const text = md('=== "A"', '', '    ```sh', '    echo a', '', '=== "B"', '', '    ```sh', '    echo b', '    ```')
    const diagnostics = lintText(text, 'x.md').filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[3, 5]])
    expect(diagnostics[0]?.message).toContain('line 6')
  })

  it('accepts closed fences, longer closers and tilde fences holding backticks', () => {
    const text = md('````md', '```sh', 'inner', '```', '`````', '', '~~~', '```', '~~~')
    expect(found(text)).toEqual([])
  })
})
