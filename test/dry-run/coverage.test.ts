// `--dry-run` ends with a coverage line that accounts for every block of
// the chapter, on the real seed guide.
import {describe, expect, test} from 'vitest'
import {coverageOf} from '../../src/plan/index.js'
import {renderPlanText} from '../../src/report/index.js'
import {planChapter} from '../../src/plan/index.js'
import {prepareVariant} from '../../src/verify/lib/prepare-chapter.js'
import {readSeedGuide, seedGuideAvailable, seedGuideChapters} from '../extract/seeds.js'

function prepared(chapter: keyof typeof seedGuideChapters) {
  const file = seedGuideChapters[chapter]
  const plan = planChapter(readSeedGuide(file), file)
  return plan.variants.map((variant) => prepareVariant(plan, variant, {cwd: process.cwd(), config: {}}))
}

describe('dry-run coverage of tabs', () => {
  test('a block of the tab not chosen is "not verified", with the variant named', () => {
    const run = '    ```sh title="Execute the following command(s) in a terminal"'
    const doc = ['# Tabs', '', '=== "Linux"', '', run, '    echo linux', '    ```', '', '=== "macOS"', '', run, '    echo mac', '    ```', ''].join('\n')
    const plan = planChapter(doc, 'tabs.md')
    const [linux] = plan.variants.map((variant) => prepareVariant(plan, variant, {cwd: process.cwd(), config: {}}))
    expect(coverageOf(linux!)).toEqual({blocks: 2, verified: 1, displayOnly: [], notVerified: [{line: 11, kind: 'command', reason: 'in another tab than variant linux'}]})
  })
})

describe.runIf(seedGuideAvailable())('dry-run coverage on the seed guide', () => {
  test('chapter 4: every block counted, the unverified ones each with a reason', () => {
    const [chapter] = prepared(4)
    const text = renderPlanText(chapter!)
    const tail = text.trimEnd().split('\n').slice(-6)
    expect(tail).toEqual([
      'blocks: 16; verified 11; display-only 3; not verified 2',
      '  display-only line 30 (reference): a diagram: nothing to run or compare',
      '  display-only line 61 (reference): a reminder: the learner is not asked to run it again',
      '  display-only line 254 (file): a file a tool writes: shown, not written',
      '  not verified line 281 (output): no prose says it is the output ("The output should be similar to this:")',
      '  not verified line 327 (output): the output of running a command again, which the doc does not show as a block'
    ])
  })

  test.each([1, 2, 3, 4, 5, 6, 7] as const)('chapter %i: the counts add up to the blocks of the chapter', (n) => {
    for (const chapter of prepared(n)) {
      const coverage = coverageOf(chapter)
      expect(coverage.verified + coverage.displayOnly.length + coverage.notVerified.length).toBe(coverage.blocks)
      expect(coverage.blocks).toBe(chapter.plan.blocks.length)
    }
  })
})
