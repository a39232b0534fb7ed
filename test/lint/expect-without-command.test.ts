import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {command, expectOutput, md, planOf} from './fixtures.js'

const rule = 'expect-without-command'
const text = md('The output should be similar to this:', '', '```text', 'hello', '```')

describe(`${rule} (hand-built plan)`, () => {
  it('reports an expected output that no command produces', () => {
    const plan = planOf('x.md', [expectOutput('x.md', 3, null)])
    const diagnostics = lintText(text, 'x.md', {plan}).filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, 'warning']])
  })

  it('accepts an expected output tied to its command', () => {
    const plan = planOf('x.md', [command('x.md', 1, 'echo hello\n'), expectOutput('x.md', 3, 'command@1')])
    expect(lintText(text, 'x.md', {plan}).filter((d) => d.rule === rule)).toEqual([])
  })
})
