import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

describe('plan-based rules with the real extractor', () => {
  it('finds an orphan expected output and an unbound variable, not a loop variable', () => {
    const text = md(
      '# T',
      '',
      'The output should be similar to this:',
      '',
      '```text',
      'hello',
      '```',
      '',
      '```sh title="Execute the following command(s) in a terminal"',
      'echo $FOO',
      'for f in a; do echo $f; done',
      '```',
      '',
      'The output should be similar to this:',
      '',
      '```text',
      'hello',
      '```'
    )
    const found = lintText(text, 'x.md').map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)
    expect(found).toEqual(['5:1 warning expect-without-command', '10:6 warning unbound-variable'])
    expect(lintText(text, 'x.md', {inheritedBindings: ['FOO']}).map((d) => d.rule)).toEqual(['expect-without-command'])
  })
})
