import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/lint/index.js'
import {planChapter} from '../../src/plan/index.js'
import {readSeedGuide, seedGuideAvailable, seedGuideChapters} from '../extract/seeds.js'
import {md} from './fixtures.js'

const rule = 'output-without-cue'
const run = '```sh title="Execute the following command(s) in a terminal"'

describe(`${rule} (real extractor)`, () => {
  it('warns on a text block right after a command with no prose between', () => {
    const text = md('# T', '', run, 'dvc dag', '```', '', '```text', '+-----+', '```')
    const diagnostics = lintText(text, 'x.md').filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[7, 'warning']])
    expect(diagnostics[0]!.message).toContain('right after the command at line 3')
  })

  it('is quiet when the prose introduces the output', () => {
    const text = md('# T', '', run, 'dvc dag', '```', '', 'The output should be similar to this:', '', '```text', '+-----+', '```')
    expect(lintText(text, 'x.md').filter((d) => d.rule === rule)).toEqual([])
  })
})

describe.runIf(seedGuideAvailable())(`${rule} on the seed guide`, () => {
  it('chapter 4: the `dvc dag` picture and the "run the command again" output', () => {
    const file = seedGuideChapters[4]
    const text = readSeedGuide(file)
    const diagnostics = lintText(text, file, {plan: planChapter(text, file)}).filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => d.line)).toEqual([281, 327])
  })
})
