import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Nodes, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {remarkMkdocs} from '../../src/dialect/index.js'

function find(node: Nodes, type: string): Nodes[] {
  const found: Nodes[] = []
  const walk = (current: Nodes): void => {
    if (current.type === type) found.push(current)
    if ('children' in current) for (const child of current.children as Nodes[]) walk(child)
  }
  walk(node)
  return found
}

const text = [
  '---',
  'title: Composition',
  '---',
  '',
  '# Tables, tasks and tabs',
  '',
  '=== ":simple-github: GitHub"',
  '',
  '    | Step | Command |',
  '    | ---- | ------- |',
  '    | init | `git init` |',
  '',
  '    === "Linux"',
  '',
  '        Linux body',
  '',
  '    === "macOS"',
  '',
  '        macOS body',
  '',
  '=== "GitLab"',
  '',
  '    GitLab body[^1]',
  '',
  '!!! tip "Checklist"',
  '',
  '    - [x] Create the bucket',
  '    - [ ] Push the data',
  '',
  '[^1]: A footnote.',
  ''
].join('\n')

describe('the dialect composes with remark-gfm and remark-frontmatter', () => {
  const tree: Root = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkMkdocs).parse(text)
  const offsetOf = (line: number, column: number): number => text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column - 1

  test('front matter is a yaml node at the top', () => {
    expect(tree.children[0]).toMatchObject({type: 'yaml', value: 'title: Composition', position: {start: {line: 1, column: 1}, end: {line: 3, column: 4}}})
  })

  test('a GFM table inside a tab, with the file\'s positions', () => {
    const [table] = find(tree, 'table')
    expect(table).toMatchObject({type: 'table', position: {start: {line: 9, column: 5, offset: offsetOf(9, 5)}, end: {line: 11, column: 26}}})
    const github = tree.children[2] as ContainerDirective
    expect(github.children[0]).toBe(table)
    expect(find(table!, 'inlineCode')).toMatchObject([{value: 'git init', position: {start: {line: 11, column: 14}}}])
  })

  test('nested tabs keep their groups and lines', () => {
    const tabs = find(tree, 'containerDirective').filter((node) => node.type === 'containerDirective' && node.name === 'tab') as ContainerDirective[]
    expect(tabs.map((tab) => [tab.data?.label, tab.data?.group, tab.position?.start.line, tab.position?.start.column, tab.position?.end.line])).toEqual([
      ['GitHub', 7, 7, 1, 19],
      ['Linux', 13, 13, 5, 15],
      ['macOS', 13, 17, 5, 19],
      ['GitLab', 7, 21, 1, 23]
    ])
  })

  test('task list items inside an admonition, a footnote reference inside a tab', () => {
    const admonition = tree.children.find((node) => node.type === 'containerDirective' && node.name === 'admonition') as ContainerDirective
    expect(admonition.attributes).toEqual({type: 'tip', title: 'Checklist'})
    const items = find(admonition, 'listItem')
    expect(items.map((item) => [item.type === 'listItem' && item.checked, item.position?.start.line, item.position?.start.column])).toEqual([
      [true, 27, 5],
      [false, 28, 5]
    ])
    expect(find(tree, 'footnoteReference')).toMatchObject([{identifier: '1', position: {start: {line: 23, column: 16}}}])
    expect(find(tree, 'footnoteDefinition')).toMatchObject([{identifier: '1', position: {start: {line: 30, column: 1}}}])
  })

  test('the order of plugins does not matter', () => {
    const other = unified().use(remarkParse).use(remarkMkdocs).use(remarkFrontmatter).use(remarkGfm).parse(text)
    expect(other).toEqual(tree)
  })
})

describe('the dialect stands alone', () => {
  test('src/dialect imports only its own files and npm packages', () => {
    const folder = fileURLToPath(new URL('../../src/dialect/', import.meta.url))
    const files = readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(5)
    for (const name of files) {
      const source = readFileSync(folder + name, 'utf8')
      for (const match of source.matchAll(/(?:from|import)\s+'([^']+)'/g)) {
        const target = match[1]!
        if (!target.startsWith('.')) continue
        const resolved = new URL(target, `file://${folder}${name}`).pathname
        expect(resolved.startsWith(folder), `${name} imports ${target}`).toBe(true)
      }
    }
  })
})
