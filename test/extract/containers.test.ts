import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Code, Nodes, Paragraph, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {unified} from 'unified'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import {describe, expect, test} from 'vitest'
import {parseMarkdown, remarkMkdocs} from '../../src/extract/index.js'
import {planChapter} from '../../src/plan/index.js'

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url))
const read = (name: string): string => readFileSync(fixture(name), 'utf8')

function containers(node: Nodes): ContainerDirective[] {
  const found: ContainerDirective[] = []
  const walk = (current: Nodes): void => {
    if (current.type === 'containerDirective') found.push(current)
    if ('children' in current) for (const child of current.children as Nodes[]) walk(child)
  }
  walk(node)
  return found
}

function codes(node: Nodes): Code[] {
  const found: Code[] = []
  const walk = (current: Nodes): void => {
    if (current.type === 'code') found.push(current)
    if ('children' in current) for (const child of current.children as Nodes[]) walk(child)
  }
  walk(node)
  return found
}

describe('containers: nesting and positions', () => {
  const text = read('nested-tabs.md')
  const root = parseMarkdown(text, 'nested-tabs.md')

  test('tabs nest three deep with original lines and columns', () => {
    const summary = containers(root).filter((node) => node.data?.dialect !== undefined).map((node) => [node.name, node.data?.label ?? node.attributes?.title, node.position?.start.line, node.position?.start.column, node.position?.end.line])
    expect(summary).toEqual([
      ['tab', 'Google Cloud', 12, 1, 40],
      ['tab', 'GitHub', 14, 5, 30],
      ['tab', 'Linux', 16, 9, 22],
      ['tab', 'macOS', 24, 9, 30],
      ['tab', 'GitLab', 32, 5, 40],
      ['admonition', 'Use the GitLab CLI', 34, 9, 40],
      ['tab', 'Another provider', 42, 1, 44],
      ['admonition', 'Pick an installer', 48, 1, 60],
      ['tab', 'Using pip', 50, 5, 54],
      ['tab', 'Using uv', 56, 5, 60]
    ])
  })

  test('the innermost fence keeps its original line, column and offset', () => {
    const linux = codes(root).find((code) => code.value === 'sudo apt install toy')!
    expect(linux.position?.start).toEqual({line: 20, column: 13, offset: text.indexOf('```sh', text.indexOf('Install the tool on Linux'))})
    expect(linux.position?.end.line).toBe(22)
    expect(linux.meta).toBe('title="Execute the following command(s) in a terminal"')
  })

  test('groups, ===+ selected and ===! new group', () => {
    const tabs = containers(root).filter((node) => node.name === 'tab')
    expect(tabs.map((tab) => [tab.data?.label, tab.data?.group])).toEqual([
      ['Google Cloud', 12],
      ['GitHub', 14],
      ['Linux', 16],
      ['macOS', 16],
      ['GitLab', 14],
      ['Another provider', 12],
      ['Using pip', 50],
      ['Using uv', 56]
    ])
    expect(tabs[6]!.attributes).toEqual({label: ':simple-python: Using pip', selected: 'true'})
    expect(tabs[7]!.attributes).toEqual({label: ':simple-uv: Using uv', newGroup: 'true'})
  })

  test('front matter, tables, html, footnotes and native ::: directives parse beside the containers', () => {
    expect(root.children[0]).toMatchObject({type: 'yaml', value: 'title: Deploy the toy service\ntags: [fixture]'})
    const types = new Set(root.children.map((node) => node.type))
    expect(types).toContain('html')
    expect(types).toContain('definition')
    const native = containers(root).filter((node) => node.name === 'note')
    expect(native).toHaveLength(1)
    expect(native[0]!.position?.start.line).toBe(143)
    expect(root.data?.diagnostics).toEqual([])
  })

  test('a unified processor with remark-parse, remark-directive and remarkMkdocs parses the same containers', () => {
    const tree = unified().use(remarkParse).use(remarkDirective).use(remarkMkdocs).parse(text) as Root
    expect(containers(tree)).toEqual(containers(root))
  })
})

describe('containers: admonitions, collapsibles, fences', () => {
  const text = read('containers.md')
  const root = parseMarkdown(text, 'containers.md')

  test('tabs inside an admonition, body right after a marker', () => {
    const [warning, one, two] = containers(root)
    expect(warning!.attributes).toEqual({type: 'warning', title: 'Tabs inside an admonition'})
    expect([one!.data?.label, two!.data?.label, one!.data?.group, two!.data?.group]).toEqual(['One', 'Two', 5, 5])
    const paragraph = two!.children[0] as Paragraph
    expect(paragraph.type).toBe('paragraph')
    expect(paragraph.position?.start).toMatchObject({line: 12, column: 9})
  })

  test('???+ is open, ??? is closed, classes and titles are read', () => {
    const boxes = containers(root).filter((node) => node.name !== 'tab')
    expect(boxes.map((node) => [node.name, node.attributes])).toEqual([
      ['admonition', {type: 'warning', title: 'Tabs inside an admonition'}],
      ['details', {type: 'tip', title: 'Open collapsible', open: 'true'}],
      ['details', {type: 'info', open: 'false'}],
      ['admonition', {type: 'note', class: 'inline end', title: 'Classes and a title'}]
    ])
  })

  test('markers inside fenced code are not containers', () => {
    const fence = codes(root).find((code) => code.lang === 'markdown')!
    expect(fence.value.split('\n')[0]).toBe('=== "Not a tab"')
    expect(containers(root).some((node) => node.position?.start.line === 31)).toBe(false)
  })

  test('plan: steps in tabs, collapsibles and list items; variants per tab', () => {
    const plan = planChapter(text, 'containers.md')
    const all = plan.variants.flatMap((variant) => variant.steps.map((step) => [variant.id, step.line, step.tabs.join('>')]))
    expect(all).toEqual([
      ['one', 7, 'One'],
      ['one', 22, ''],
      ['one', 43, ''],
      ['one', 53, ''],
      ['two', 14, 'Two'],
      ['two', 22, ''],
      ['two', 43, ''],
      ['two', 53, '']
    ])
    // The list item after the last tab is not an interruption of that tab.
    expect(plan.notes.map((note) => [note.line, note.rule])).toEqual([[47, 'tab-group-without-commands']])
    expect(plan.variants.map((variant) => variant.choices[0]!.dimension)).toEqual(['One | Two', 'One | Two'])
  })
})

describe('containers: line endings and indentation', () => {
  test('CRLF gives the same plan as LF', () => {
    const text = read('nested-tabs.md')
    const crlf = text.replace(/\n/g, '\r\n')
    expect(planChapter(crlf, 'x.md')).toEqual(planChapter(text, 'x.md'))
    const code = codes(parseMarkdown(crlf, 'x.md')).find((node) => node.value === 'brew install toy')!
    expect(code.position?.start).toEqual({line: 28, column: 13, offset: crlf.indexOf('```sh', crlf.indexOf('Install the tool on macOS'))})
  })

  test('lone CR line endings are lines too', () => {
    const plan = planChapter(read('containers.md').replace(/\n/g, '\r'), 'cr.md')
    expect(plan.variants[0]!.steps.map((step) => step.line)).toEqual([7, 22, 43, 53])
  })

  test('code reads as Python-Markdown normalizes it: leading tabs expanded, whitespace-only lines empty', () => {
    const text = '=== "T"\n\n    ```sh\n    gcloud create \\\n    \t--zone=x\n     \n    ```\n'
    const code = codes(parseMarkdown(text, 't.md'))[0]!
    expect(code.value).toBe('gcloud create \\\n    --zone=x\n')
  })

  test('an unclosed front matter is no front matter and does not hide the containers after it', () => {
    const text = '---\ntitle: x\n\n=== "T"\n\n    ```sh\n    echo t\n    ```\n\n> quote\n'
    const root = parseMarkdown(text, 'fm.md')
    expect(root.children.map((node) => node.type)).toEqual(['thematicBreak', 'paragraph', 'containerDirective', 'blockquote'])
    expect(parseMarkdown(`---\ntitle: x\n---\n\n${text.slice(14)}`, 'fm.md').children.map((node) => node.type)).toEqual(['yaml', 'containerDirective', 'blockquote'])
  })

  test('tabs in indentation count as 4 columns; columns stay the original ones', () => {
    const text = read('tab-indent.md')
    const plan = planChapter(text, 'tab-indent.md')
    const [step] = plan.variants[0]!.steps
    expect(step).toMatchObject({kind: 'command', line: 5, endLine: 7, tabs: ['Tabbed'], text: 'echo tab-indented <my value>'})
    expect(plan.placeholders).toEqual([{raw: '<my value>', key: 'my value', line: 6, column: 20, offset: 18, because: {kind: 'command'}}])
    const code = codes(parseMarkdown(text, 'tab-indent.md'))[0]!
    expect(code.position?.start.column).toBe(2)
  })
})
