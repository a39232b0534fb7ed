import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'placeholder-line-break'
const found = (text: string) => lintText(text, 'x.md').filter((d) => d.rule === rule)

describe(rule, () => {
  it('reports a placeholder broken inside inline code, at the `<`', () => {
    const diagnostics = found(md('Replace `<my project', 'id>` with your project ID.'))
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[1, 10]])
    expect(diagnostics[0]?.message).toContain('`<my project id>`')
  })

  it('reports a snake_case placeholder split before an underscore', () => {
    const diagnostics = found(md('Replace `<my_billing', '_account_id>` with your own billing account ID:'))
    expect(diagnostics.map((d) => d.line)).toEqual([1])
    expect(diagnostics[0]?.message).toContain('`<my_billing_account_id>`')
  })

  it('reports `<my` left at the end of a prose line', () => {
    expect(found(md('Replace <my', 'bucket name> with a name.')).map((d) => [d.line, d.column])).toEqual([[1, 9]])
  })

  it('accepts whole placeholders, code spans closed on the line, and code blocks', () => {
    const text = md(
      'Replace `<my project id>` with yours. A `` `<` `` sign and `a <',
      'b` compare.',
      'See <https://example.com> for more.',
      '',
      '```sh',
      'echo `<my',
      '```'
    )
    expect(found(text)).toEqual([])
  })
})
