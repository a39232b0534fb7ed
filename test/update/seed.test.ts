import fs from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {rewriteExpectedBlocks} from '../../src/update/index.js'
import type {BlockUpdate} from '../../src/update/index.js'

const seedUrl = new URL('../../../shared/seeds/chapter-7-move-the-ml-experiment-data-to-the-cloud.md', import.meta.url)
const seed = await fs.readFile(seedUrl, 'utf8').catch(() => null)
if (seed === null && process.env.CI === 'true') {
  throw new Error(`missing ${seedUrl.pathname}: CI needs ../shared/seeds beside the checkout`)
}

/** Output blocks as the extractor locates them: the fence after each
 * "should be similar to this" cue, its body and its indentation. */
function outputBlocks(text: string): (BlockUpdate & {body: string[]})[] {
  const lines = text.split('\n')
  const blocks: (BlockUpdate & {body: string[]})[] = []
  lines.forEach((line, i) => {
    if (!/should be similar to this/.test(line)) return
    const open = lines.findIndex((l, j) => j > i && /^\s*```/.test(l))
    const indent = /^ */.exec(lines[open]!)![0].length
    const close = lines.findIndex((l, j) => j > open && l.trim() === '```')
    const body = lines.slice(open + 1, close).map((l) => l.slice(indent))
    blocks.push({bodyStartLine: open + 2, bodyEndLine: close, indent, newBody: body.join('\n'), body})
  })
  return blocks
}

describe.skipIf(seed === null)('rewriteExpectedBlocks on the upstream chapter 7 (data)', () => {
  it('finds its output blocks, one of them inside a tab', () => {
    const blocks = outputBlocks(seed!)
    expect(blocks.map((b) => b.indent)).toEqual([4, 0])
  })

  it('writing back the same outputs gives the file back byte for byte', () => {
    expect(rewriteExpectedBlocks(seed!, outputBlocks(seed!))).toBe(seed)
  })

  it('a new output changes those lines only', () => {
    const blocks = outputBlocks(seed!).map((b) => ({...b, newBody: 'On branch main\nnothing to commit'}))
    const before = seed!.split('\n')
    const after = rewriteExpectedBlocks(seed!, blocks).split('\n')
    const changed = new Set<number>()
    for (const b of blocks) for (let l = b.bodyStartLine; l <= b.bodyEndLine; l++) changed.add(l)
    const keptBefore = before.filter((_l, i) => !changed.has(i + 1))
    // The same lines, minus the two new bodies (2 lines each, in order).
    const [first, second] = blocks
    const shift = 2 - (first!.bodyEndLine - first!.bodyStartLine + 1)
    const newChanged = new Set([first!.bodyStartLine, first!.bodyStartLine + 1, second!.bodyStartLine + shift, second!.bodyStartLine + shift + 1])
    expect(after.filter((_l, i) => !newChanged.has(i + 1))).toEqual(keptBefore)
    expect(after[first!.bodyStartLine - 1]).toBe('    On branch main')
    expect(after[second!.bodyStartLine + shift]).toBe('nothing to commit')
  })
})
