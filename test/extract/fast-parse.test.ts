import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {codeSeed, dataSeed, readSeed, seedPath, seedsAvailable} from './seeds.js'

const fixtures = ['nested-tabs.md', 'containers.md', 'tab-indent.md', 'unclosed-fence.md', 'bad-indentation.md']

describe('planning parse (blocks only, no inline constructs) gives the plan of the full mdast', () => {
  test.each(fixtures)('%s', (name) => {
    const file = fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url))
    const text = readFileSync(file, 'utf8')
    expect(planChapter(text, file)).toEqual(planChapter(text, file, {fastParse: false}))
  })

  test.skipIf(!seedsAvailable())('both seeds', () => {
    for (const name of [dataSeed, codeSeed]) {
      const text = readSeed(name)
      expect(planChapter(text, seedPath(name))).toEqual(planChapter(text, seedPath(name), {fastParse: false}))
    }
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
    const fast = planChapter(text, 'x.md')
    expect(fast).toEqual(planChapter(text, 'x.md', {fastParse: false}))
    expect(fast.variants[0]!.steps[0]).toMatchObject({kind: 'file', mode: 'partial', headings: ['Title', 'Setext heading']})
  })
})
