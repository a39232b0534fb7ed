import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseMarkdown} from '../../src/extract/index.js'
import {planChapter} from '../../src/plan/index.js'
import {codeSeed, dataSeed, readSeed, seedPath, seedsAvailable} from './seeds.js'

/** The plan, after checking the full parse gives the same one. */
function planOfBothParses(text: string, file: string): ReturnType<typeof planChapter> {
  const fast = planChapter(text, file)
  expect(fast).toEqual(planChapter(text, file, {fastParse: false}))
  return fast
}

const fixtures = ['nested-tabs.md', 'containers.md', 'tab-indent.md', 'unclosed-fence.md', 'bad-indentation.md']

describe('planning parse (blocks only, no inline constructs) gives the plan of the full mdast', () => {
  test.each(fixtures)('%s', (name) => {
    const file = fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url))
    const text = readFileSync(file, 'utf8')
    planOfBothParses(text, file)
  })

  test.skipIf(!seedsAvailable())('both seeds', () => {
    for (const name of [dataSeed, codeSeed]) {
      const text = readSeed(name)
      planOfBothParses(text, seedPath(name))
    }
  })

  test('a colon word in a heading (`image:latest`) stays in its heading path; an emoji shortcode (an icon on the site) goes', () => {
    const text = [
      '# Chapter 1',
      '',
      '## Pull image:latest with :simple-git: now',
      '',
      '```sh title="Execute the following command(s) in a terminal"',
      'echo hi',
      '```',
      ''
    ].join('\n')
    const plan = planOfBothParses(text, 'chapter-1.md')
    expect(plan.variants[0]!.steps[0]!.headings).toEqual(['Chapter 1', 'Pull image:latest with now'])
  })

  test('setext headings, lists and quotes before a partial file block', () => {
    const text = [
      '# Title',
      '',
      'Setext heading',
      '--------------',
      '',
      '- a list item',
      '> a quote',
      '',
      'Add the following line after the imports:',
      '',
      '!!! tip',
      '',
      '    Keep the imports sorted.',
      '',
      '```python title="src/app.py"',
      'import os',
      '```',
      ''
    ].join('\n')
    const fast = planOfBothParses(text, 'x.md')
    expect(fast.variants[0]!.steps[0]).toMatchObject({kind: 'file', mode: 'partial', headings: ['Title', 'Setext heading']})
  })

  test('raw paragraphs keep the block tree: definitions, multi-line setext headings, lazy lines, paragraphs in containers', () => {
    const text = [
      '[//]: # "TODO: a hidden comment"',
      '[ref]: https://example.com',
      'A paragraph right after two definitions,',
      'with *emphasis*, `code` and a trailing break  ',
      'on three lines.',
      '',
      'A setext heading *on*  ',
      '  two lines',
      '===',
      '',
      '> A quote',
      'with a lazy line',
      '',
      '=== "Tab"',
      '',
      '    Inside the tab,',
      '    two lines.',
      '',
      '    !!! note',
      '',
      '        Nested. The body ends here.',
      'Outside again, :emoji: and <span>html</span>',
      'Last line, no line ending'
    ].join('\n')
    const blocks = parseMarkdown(text, 'x.md', {inline: false})
    const full = parseMarkdown(text, 'x.md')
    expect(blockTree(blocks)).toEqual(blockTree(full))
    // As micromark's text tokenizer reads it with no inline constructs: the
    // continued line's indentation goes, the trailing spaces are a hard break.
    expect(headings(blocks)).toEqual(['A setext heading *on*two lines'])
    planOfBothParses(text, 'x.md')
  })
})

/** The tree without the inline content of paragraphs and headings. */
function blockTree(node: Nodes): unknown {
  const {children, ...rest} = node as Nodes & {children?: Nodes[]}
  if (!children || node.type === 'paragraph' || node.type === 'heading') return rest
  return {...rest, children: children.map(blockTree)}
}

function headings(node: Nodes): string[] {
  if (node.type === 'heading') return [toString(node)]
  return 'children' in node ? node.children.flatMap((child) => headings(child as Nodes)) : []
}
