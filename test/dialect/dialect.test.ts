import type {Code, Nodes, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {micromark} from 'micromark'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {mkdocsDialect, parseMarker, remarkMkdocs} from '../../src/dialect/index.js'

const parse = (text: string): Root => unified().use(remarkParse).use(remarkMkdocs).parse(text)

function containers(node: Nodes): ContainerDirective[] {
  const found: ContainerDirective[] = []
  const walk = (current: Nodes): void => {
    if (current.type === 'containerDirective') found.push(current)
    if ('children' in current) for (const child of current.children as Nodes[]) walk(child)
  }
  walk(node)
  return found
}

/** `name label-or-title start-end` of every container, in document order. */
const outline = (text: string): string[] =>
  containers(parse(text)).map((node) => {
    const {start, end} = node.position!
    return `${node.name} ${node.attributes?.label ?? node.attributes?.title ?? node.attributes?.type} ${start.line}:${start.column}-${end.line}:${end.column}`
  })

describe('the dialect: markers, bodies and positions', () => {
  test('tab, admonition and collapsible markers with their attributes', () => {
    const tree = parse(['=== "A"', '    a', '===+ ":simple-uv: Using uv"', '    b', '===! "C"', '    c', '!!! note inline end "Title"', '    d', '???+ tip', '    e', '??? "Only a title"', '    f', ''].join('\n'))
    expect(containers(tree).map((node) => [node.name, node.attributes, node.data?.group, node.data?.label])).toEqual([
      ['tab', {label: 'A'}, 1, 'A'],
      ['tab', {label: ':simple-uv: Using uv', selected: 'true'}, 1, 'Using uv'],
      ['tab', {label: 'C', newGroup: 'true'}, 5, 'C'],
      ['admonition', {type: 'note', class: 'inline end', title: 'Title'}, undefined, undefined],
      ['details', {type: 'tip', open: 'true'}, undefined, undefined],
      ['details', {type: 'note', title: 'Only a title', open: 'false'}, undefined, undefined]
    ])
  })

  test('marker lines as Python-Markdown and pymdown-extensions read them', () => {
    expect(parseMarker('!!!note')).toEqual({kind: 'admonition', type: 'note', classes: []})
    expect(parseMarker('!!! "Only a title"')).toBeUndefined()
    expect(parseMarker('??? "Only a title"')).toEqual({kind: 'details', classes: [], title: 'Only a title', open: false})
    expect(parseMarker('???+ danger highlight "T"')).toEqual({kind: 'details', type: 'danger', classes: ['highlight'], title: 'T', open: true})
    expect(parseMarker('!!!+ note')).toBeUndefined()
    expect(parseMarker('===  "A"')).toEqual({kind: 'tab', label: 'A', selected: false, newGroup: false})
    expect(parseMarker('==="A"')).toBeUndefined()
  })

  test('not markers: indented, inside fenced code, !!!+, a bare !!!, merge-conflict rulers', () => {
    expect(outline(['  !!! note', '    x', '', '```markdown', '=== "Not a tab"', '```', '', '!!!+ note', '', '!!!', '', '=======', '', '!!! "Title"', ''].join('\n'))).toEqual([])
  })

  test('a body after a blank line is the container\'s, not indented code; positions are the file\'s', () => {
    const text = ['=== "A"', '', '    Text', '', '    ```sh', '    echo a', '    ```', '', 'After', ''].join('\n')
    const tree = parse(text)
    expect(outline(text)).toEqual(['tab A 1:1-7:8'])
    const code = (tree.children[0] as ContainerDirective).children[1] as Code
    expect(code).toMatchObject({type: 'code', lang: 'sh', value: 'echo a'})
    expect(code.position!.start).toEqual({line: 5, column: 5, offset: text.indexOf('```sh')})
    expect(tree.children[1]!.type).toBe('paragraph')
  })

  test('an unindented line ends the body: no lazy paragraph continuation (Python-Markdown)', () => {
    const tree = parse(['!!! note', '    Inside', 'Outside', ''].join('\n'))
    expect(tree.children.map((node) => [node.type, node.position!.start.line])).toEqual([
      ['containerDirective', 1],
      ['paragraph', 3]
    ])
  })

  test('nesting three deep, tabs in admonitions, groups per level', () => {
    const text = [
      '=== "Cloud"',
      '',
      '    === "GitHub"',
      '',
      '        === "Linux"',
      '',
      '            linux',
      '',
      '        === "macOS"',
      '',
      '            mac',
      '',
      '    === "GitLab"',
      '',
      '        !!! tip "Inside"',
      '',
      '            === "One"',
      '                one',
      '            === "Two"',
      '                two',
      '',
      '=== "Other"',
      '    other',
      ''
    ].join('\n')
    expect(outline(text)).toEqual([
      'tab Cloud 1:1-20:20',
      'tab GitHub 3:5-11:16',
      'tab Linux 5:9-7:18',
      'tab macOS 9:9-11:16',
      'tab GitLab 13:5-20:20',
      'admonition Inside 15:9-20:20',
      'tab One 17:13-18:20',
      'tab Two 19:13-20:20',
      'tab Other 22:1-23:10'
    ])
    expect(containers(parse(text)).map((node) => node.data?.group)).toEqual([1, 3, 5, 5, 3, undefined, 17, 17, 1])
  })

  test('tabs in indentation count to the next multiple of 4', () => {
    const text = '=== "T"\n\n\t```sh\n\techo hi\n\t```\n'
    const tab = parse(text).children[0] as ContainerDirective
    expect(tab.children[0]).toMatchObject({type: 'code', value: 'echo hi', position: {start: {line: 3, column: 2, offset: text.indexOf('```sh')}}})
  })

  test('an interruption (leftover merge conflict) inside a body that resumes goes to the innermost body', () => {
    const text = [
      '=== "A"',
      '',
      '    !!! warning',
      '',
      '        w1',
      '<<<<<<< HEAD',
      '        w2',
      '=======',
      '>>>>>>> 87ee261',
      '',
      '    ```sh',
      '    cmd',
      '    ```',
      ''
    ].join('\n')
    const [tab, warning] = containers(parse(text))
    expect(warning!.data?.interruptions).toEqual([{line: 6, text: '<<<<<<< HEAD', mergeConflict: true}])
    expect(warning!.position!.end.line).toBe(7)
    expect(tab!.data?.interruptions?.map((interruption) => interruption.line)).toEqual([8, 9])
    expect(tab!.position!.end.line).toBe(13)
    expect(tab!.children.map((node) => node.type)).toEqual(['containerDirective', 'code'])
  })

  test('a column-0 line not followed by the body again ends it', () => {
    expect(outline(['!!! note', '    a', '', 'b', '', 'c', ''].join('\n'))).toEqual(['admonition note 1:1-2:6'])
  })

  test('micromark alone: the constructs can be disabled by name', () => {
    const text = '!!! note\n\n    body\n'
    expect(micromark(text, {extensions: [mkdocsDialect()]})).toBe('<p>body</p>\n')
    expect(micromark(text, {extensions: [mkdocsDialect(), {disable: {null: ['mkdocsAdmonition']}}]})).toBe('<p>!!! note</p>\n<pre><code>body\n</code></pre>\n')
  })
})
