import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {exitCodeFor, lintFiles, lintText} from '../../src/lint/index.js'

const seeds = new URL('../../../shared/seeds/', import.meta.url)
const dataSeed = fileURLToPath(new URL('chapter-7-move-the-ml-experiment-data-to-the-cloud.md', seeds))
const codeSeed = fileURLToPath(new URL('chapter-7-move-the-ml-experiment-code-to-the-cloud.md', seeds))
const present = existsSync(dataSeed) && existsSync(codeSeed)

if (!present && process.env.CI === 'true') {
  throw new Error(`Seed chapters missing: expected ${dataSeed} and ${codeSeed} (the shared/ folder beside the checkout).`)
}

const summary = (diagnostics: {line: number; rule: string; severity: string}[]) =>
  diagnostics.map((d) => `${d.line} ${d.severity} ${d.rule}`)

describe.skipIf(!present)('lint on the real seed chapters', () => {
  it('reports the data chapter conflict, the tab it breaks and the TODO, nothing else', () => {
    const diagnostics = lintText(readFileSync(dataSeed, 'utf8'), 'data.md')
    expect(summary(diagnostics)).toEqual([
      '260 error container-ended-early',
      '260 error merge-conflict-marker',
      '262 error merge-conflict-marker',
      '263 error merge-conflict-marker',
      '459 warning todo-comment'
    ])
    const early = diagnostics.find((d) => d.rule === 'container-ended-early')?.message ?? ''
    expect(early).toContain('`!!! warning` (line 257)')
    expect(early).toContain('tab ":simple-googlecloud: Google Cloud" (line 249)')
    expect(early).toContain('lines 265, 277, 284.')
    expect(exitCodeFor(diagnostics)).toBe(1)
  })

  it('reports only the TODO comment in the code chapter', () => {
    const diagnostics = lintText(readFileSync(codeSeed, 'utf8'), 'code.md')
    expect(summary(diagnostics)).toEqual(['7 warning todo-comment'])
    expect(diagnostics[0]?.column).toBe(5)
    expect(exitCodeFor(diagnostics)).toBe(0)
  })

  it('lints both chapters together in nav order with nothing cross-chapter', async () => {
    const diagnostics = await lintFiles([dataSeed, codeSeed])
    expect(diagnostics.map((d) => `${d.file === dataSeed ? 'data' : 'code'}:${d.line} ${d.rule}`)).toEqual([
      'code:7 todo-comment',
      'data:260 container-ended-early',
      'data:260 merge-conflict-marker',
      'data:262 merge-conflict-marker',
      'data:263 merge-conflict-marker',
      'data:459 todo-comment'
    ])
  })
})
