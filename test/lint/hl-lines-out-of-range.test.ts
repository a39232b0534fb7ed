import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'hl-lines-out-of-range'
const found = (text: string) => lintText(text, 'x.md').filter((d) => d.rule === rule)

describe(rule, () => {
  it('reports hl_lines past the end of the block at the attribute', () => {
    const diagnostics = found(md('```txt title="requirements.txt" hl_lines="2 4-5"', 'a==1', 'b==2', 'c==3', '```'))
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[1, 33, 'error']])
    expect(diagnostics[0]?.message).toContain('4-5')
    expect(diagnostics[0]?.message).toContain('3 lines')
  })

  it('accepts hl_lines inside the block, also in an indented tab', () => {
    const text = md('=== "Tab"', '', '    ```yaml title="params.yaml" hl_lines="1 2-3"', '    a: 1', '    b: 2', '    c: 3', '    ```')
    expect(found(text)).toEqual([])
  })
})
