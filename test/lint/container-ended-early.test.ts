import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'container-ended-early'
const early = (text: string) => lintText(text, 'x.md').filter((d) => d.rule === rule)

describe(rule, () => {
  it('names the containers a column-0 line ends and the code blocks it leaves outside', () => {
    const text = md(
      '=== "Google Cloud"', // 1
      '',
      '    Intro.',
      '',
      '    !!! warning', // 5
      '',
      '        Be careful.',
      'stray line',
      '        More care.',
      '', // 10
      '    ```sh',
      '    echo one',
      '    ```',
      '',
      '    ```sh', // 15
      '    echo two',
      '    ```',
      '',
      '=== "Other"',
      '', // 20
      '    ```sh',
      '    echo other',
      '    ```'
    )
    const found = early(text)
    expect(found.map((d) => [d.line, d.severity])).toEqual([[8, 'error']])
    const message = found[0]?.message ?? ''
    expect(message).toContain('`!!! warning` (line 5)')
    expect(message).toContain('tab "Google Cloud" (line 1)')
    expect(message).toContain('lines 11, 15.')
    expect(message).not.toContain('21')
  })

  it('reports a line indented 2 spaces inside a 4-space body', () => {
    expect(early(md('!!! note', '', '    One.', '  two', '    Three.')).map((d) => d.line)).toEqual([4])
  })

  it('does not fire when the container simply ends', () => {
    const text = md(
      '=== "A"',
      '',
      '    Body.',
      '',
      'Paragraph after the tabs.',
      '',
      '1. A list item',
      '',
      '    Its indented continuation.',
      '',
      '!!! note',
      '',
      '    Note body.',
      '',
      '## Heading',
      '',
      '=== "B"',
      '',
      '    ```sh',
      '    echo b',
      '    ```',
      '',
      '=== "C"',
      '',
      '    Body C.'
    )
    expect(early(text)).toEqual([])
  })

  it('does not fire on nested tabs that close back to an outer tab, with lists inside', () => {
    const text = md(
      '=== "Google Cloud"',
      '',
      '    **Display the key**',
      '',
      '    === "GitHub"',
      '',
      '        Display it:',
      '',
      '        ```sh',
      '        cat key.json',
      '        ```',
      '',
      '    === "GitLab"',
      '',
      '        === "Linux"',
      '',
      '            ```sh',
      '            base64 -w 0 key.json',
      '            ```',
      '',
      '    **Store the key as a CI/CD variable**',
      '',
      '    === "GitLab"',
      '',
      '        - **Protect variable**: _Unchecked_',
      '        - **Mask variable**: _Checked_',
      '          continued item text',
      '',
      '        Save the variable.',
      '',
      '=== "Another provider"',
      '',
      '    Contributions welcome.',
      '',
      '!!! tip',
      '',
      '    Run them together.'
    )
    expect(lintText(text, 'x.md')).toEqual([])
  })
})

describe(`${rule} after a body-less admonition`, () => {
  it('still names the tab a stray line ends', () => {
    const text = md('=== "Tab"', '', '    !!! note "Title only"', 'stray', '    Tab body goes on.')
    const found = early(text)
    expect(found.map((d) => d.line)).toEqual([4])
    expect(found[0]?.message).toContain('tab "Tab" (line 1)')
    expect(found[0]?.message).not.toContain('!!!')
  })
})
