// The fast mkdocs.yml nav reader against the full YAML parser: where it
// answers, its answer is the parser's, on the real guide's mkdocs.yml, on
// ours, on tricky YAML and on thousands of mutated copies of each.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {readMkdocsNav} from '../../src/guide/index.js'
import {skimMkdocsNav} from '../../src/guide/lib/skim-mkdocs-nav.js'
import {seedGuideAvailable, seedGuideDir} from '../extract/seeds.js'

const ours = readFileSync(fileURLToPath(new URL('../../mkdocs.yml', import.meta.url)), 'utf8')
const fixture = readFileSync(fileURLToPath(new URL('../fixtures/extract/guides/mkdocs/mkdocs.yml', import.meta.url)), 'utf8')
const hasSeed = seedGuideAvailable()

/** The full parser's reading, or the error it throws. */
function full(text: string): unknown {
  try {
    return readMkdocsNav(text)
  } catch (error) {
    return {throws: (error as Error).message}
  }
}

/** The skimmer either defers (undefined) or agrees with the full parser. */
function expectNeverMisreads(text: string): void {
  const skimmed = skimMkdocsNav(text)
  if (skimmed !== undefined) expect(skimmed, text).toEqual(full(text))
}

describe('real mkdocs.yml files are read without the YAML parser, as it reads them', () => {
  test.runIf(hasSeed)("the seed guide's (block scalar, !ENV flow, !!python/name, quoted titles, emoji)", () => {
    const text = readFileSync(`${seedGuideDir}mkdocs.yml`, 'utf8')
    const skimmed = skimMkdocsNav(text)
    expect(skimmed).toBeDefined()
    expect(skimmed).toEqual(readMkdocsNav(text))
    expect(skimmed!.pages!.find((page) => page.path.endsWith('chapter-7-move-the-ml-experiment-data-to-the-cloud.md'))).toEqual({
      path: 'part-2-move-the-model-to-the-cloud/chapter-7-move-the-ml-experiment-data-to-the-cloud.md',
      title: 'Chapter 7 - Move the ML experiment data to the cloud',
      section: ['☁️ Move the model to the cloud'],
      line: 26
    })
  })

  test("docs-verify's own and the test fixture's", () => {
    for (const text of [ours, fixture]) {
      const skimmed = skimMkdocsNav(text)
      expect(skimmed).toBeDefined()
      expect(skimmed).toEqual(readMkdocsNav(text))
    }
    expect(skimMkdocsNav(fixture)!.docsDir).toBe('docs')
    expect(skimMkdocsNav(ours)!.pages).toContainEqual(expect.objectContaining({path: 'guide/chapter-7-move-the-ml-experiment-data-to-the-cloud.md', section: ['Example guide']}))
  })
})

const nav = (body: string): string => `site_name: x\nnav:\n${body}`

/** [what, text, whether the skimmer answers]. */
const tricky: [string, string, boolean][] = [
  ['compact sequence under nav', nav('- Home: index.md\n- Part:\n  - a.md\n'), true],
  ['quoted titles with colons and hashes', nav('  - "Example: a # b": a.md\n  - \'It\'\'s\': b.md\n'), true],
  ['comments everywhere', `# head\nsite_name: x # c\nnav: # c\n  # c\n  - Home: index.md # c\n\n  - b.md#anchor\n`, true],
  ['a section holding a page and a subsection', nav('  - S:\n    - a.md\n    - T:\n        - b.md\n'), true],
  ['two keys in one entry', nav('  - A: a.md\n    B: b.md\n'), true],
  ['docs_dir quoted', `docs_dir: "site docs"\n${nav('  - a.md\n')}`, true],
  ['!ENV with a quoted default beside the nav', `extra:\n  k: !ENV [KEY, "none"]\n  j: !ENV KEY\n${nav('  - a.md\n')}`, true],
  ['folded block scalar before the nav', `site_description: >-\n  long\n\n  text: with colon\ncopyright: c\n${nav('  - a.md\n')}`, true],
  ['CRLF line ends', 'site_name: x\r\nnav:\r\n  - Home: index.md\r\n', true],
  ['no nav', 'site_name: x\ntheme:\n  name: material\n', true],
  ['a tagged nav value', nav('  - Home: !!python/name:x.y\n'), false],
  ['an anchor and an alias', `a: &x index.md\n${nav('  - Home: *x\n')}`, false],
  ['a flow sequence as the nav', 'nav: [index.md, {About: about.md}]\n', false],
  ['a numeric title', nav('  - 2024: a.md\n'), false],
  ['a boolean page', nav('  - Home: true\n'), false],
  ['a null entry', nav('  - Home:\n'), false],
  ['escapes in a double-quoted title', nav('  - "Tab\\there": a.md\n'), false],
  ['a title over two lines', nav('  - Home: a\n      b.md\n'), false],
  ['a tab in the indentation', nav('\t- a.md\n'), false],
  ['bad indentation', nav('  - Home: index.md\n - bad: [\n'), false],
  ['an unclosed flow sequence beside the nav', `extra: [a, b\n${nav('  - a.md\n')}`, false],
  ['an empty flow element', `extra: [a, , b]\n${nav('  - a.md\n')}`, false],
  ['a duplicate nav', `${nav('  - a.md\n')}nav:\n  - b.md\n`, false],
  ['a document marker', `---\n${nav('  - a.md\n')}`, false],
  ['a merge key', `base: &b {x: 1}\nother:\n  <<: *b\n${nav('  - a.md\n')}`, false],
  ['a tagged block', `extra: !custom\n  k: v\n${nav('  - a.md\n')}`, false],
  ['a key with a space before its colon', nav('  - Home : index.md\n'), false]
]

describe('tricky YAML: the skimmer answers as the parser or defers to it', () => {
  for (const [what, text, answers] of tricky) {
    test(what, () => {
      expectNeverMisreads(text)
      expect(skimMkdocsNav(text) !== undefined).toBe(answers)
    })
  }
})

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const alphabet = [' ', ' ', '-', ':', '#', '"', "'", '!', '&', '*', '[', ']', '{', '}', ',', '|', '>', '?', '\t', '\n', 'a', '1', '\\', '%', '@', '~']

/** One small edit: a character inserted, deleted or replaced, a line
 * duplicated or dropped, an indentation changed. */
function mutate(text: string, next: () => number): string {
  const pick = (n: number): number => Math.floor(next() * n)
  const lines = text.split('\n')
  const line = pick(lines.length)
  switch (pick(6)) {
    case 0:
      lines.splice(line, 0, lines[line]!)
      return lines.join('\n')
    case 1:
      lines.splice(line, 1)
      return lines.join('\n')
    case 2:
      lines[line] = ' '.repeat(pick(3)) + lines[line]!.slice(pick(3))
      return lines.join('\n')
  }
  const at = pick(text.length)
  const char = alphabet[pick(alphabet.length)]!
  switch (pick(3)) {
    case 0:
      return text.slice(0, at) + char + text.slice(at)
    case 1:
      return text.slice(0, at) + text.slice(at + 1)
    default:
      return text.slice(0, at) + char + text.slice(at + 1)
  }
}

describe('mutated copies: the skimmer never disagrees with the parser', () => {
  const inputs: [string, () => string][] = [
    ['ours', () => ours],
    ['the fixture', () => fixture],
    ['the seed guide', () => readFileSync(`${seedGuideDir}mkdocs.yml`, 'utf8')]
  ]
  for (const [name, read] of inputs) {
    test.runIf(name !== 'the seed guide' || hasSeed)(`2000 mutations of ${name}`, () => {
      const next = random(name.length * 7919)
      let answered = 0
      for (let round = 0; round < 2000; round++) {
        let text = read()
        for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) text = mutate(text, next)
        const skimmed = skimMkdocsNav(text)
        if (skimmed === undefined) continue
        answered++
        expect(skimmed, text).toEqual(full(text))
      }
      // Most single edits keep the file in the understood subset, so the
      // comparison above was made many times.
      expect(answered).toBeGreaterThan(500)
    })
  }
})
