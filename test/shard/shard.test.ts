import {describe, expect, it} from 'vitest'
import {assignChains, parseShard, shardChains, shardWork} from '../../src/shard/index.js'

const chapters = [
  'chapter-10', 'chapter-2', 'chapter-1', 'chapter-7', 'chapter-3', 'chapter-9',
  'chapter-4', 'chapter-12', 'chapter-5', 'chapter-6', 'chapter-11', 'chapter-8'
].map((slug, i) => ({slug, line: i}))

describe('parseShard', () => {
  it('accepts i/n with 1 <= i <= n', () => {
    expect(parseShard('2/3')).toEqual({ok: true, shard: {index: 2, count: 3}})
    expect(parseShard(' 1 / 1 ')).toEqual({ok: true, shard: {index: 1, count: 1}})
  })
  for (const bad of ['0/3', '4/3', '1/0', '3', 'a/b', '-1/2', '1.5/3', '', '2/3/4']) {
    it(`rejects ${JSON.stringify(bad)} with a usage message`, () => {
      const result = parseShard(bad)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toBe(`--shard takes i/n with 1 <= i <= n, got ${JSON.stringify(bad)} (for example --shard 2/3)`)
    })
  }
})

describe('shardWork', () => {
  for (let count = 1; count <= 5; count++) {
    it(`partitions the items over ${count} shard(s): none lost, none twice`, () => {
      const seen: string[] = []
      const sizes: number[] = []
      for (let index = 1; index <= count; index++) {
        const mine = shardWork(chapters, {index, count}, (c) => c.slug)
        sizes.push(mine.length)
        seen.push(...mine.map((c) => c.slug))
      }
      expect(seen.slice().sort()).toEqual(chapters.map((c) => c.slug).sort())
      expect(new Set(seen).size).toBe(chapters.length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    })
  }

  it('is deterministic: input order does not change the split', () => {
    const reversed = chapters.slice().reverse()
    for (let index = 1; index <= 3; index++) {
      const a = shardWork(chapters, {index, count: 3}, (c) => c.slug).map((c) => c.slug).sort()
      const b = shardWork(reversed, {index, count: 3}, (c) => c.slug).map((c) => c.slug).sort()
      expect(b).toEqual(a)
    }
  })

  it('keeps items with equal keys, each exactly once', () => {
    const items = ['a', 'b', 'a', 'a']
    const all = [1, 2].flatMap((index) => shardWork(items.map((k, i) => ({k, i})), {index, count: 2}, (x) => x.k))
    expect(all.map((x) => x.i).sort()).toEqual([0, 1, 2, 3])
  })

  it('throws on an impossible shard built by hand', () => {
    expect(() => shardWork(chapters, {index: 4, count: 3}, (c) => c.slug)).toThrow(/1 <= index <= count/)
  })
})

describe('shardChains', () => {
  const chains = [
    {id: 'google-cloud+github', chapters: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']},
    {id: 'google-cloud+gitlab', chapters: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']},
    {id: 'aws+github', chapters: ['c1', 'c2', 'c3']},
    {id: 'azure+github', chapters: ['c1', 'c2']},
    {id: 'default', chapters: ['c1']}
  ]

  for (let count = 1; count <= 5; count++) {
    it(`keeps chains whole and partitions them over ${count} shard(s)`, () => {
      const seen: string[] = []
      for (let index = 1; index <= count; index++) {
        const mine = shardChains(chains, {index, count})
        for (const chain of mine) expect(chain).toBe(chains.find((c) => c.id === chain.id))
        seen.push(...mine.map((c) => c.id))
      }
      expect(seen.slice().sort()).toEqual(chains.map((c) => c.id).sort())
      expect(new Set(seen).size).toBe(chains.length)
    })
  }

  it('balances by weight (heaviest first to the lightest shard)', () => {
    // Weights 6, 6, 3, 2, 1 over 2 shards: 6+3 | 6+2+1.
    const assignment = assignChains(chains, 2)
    const loads = [0, 0]
    assignment.forEach((shard, i) => (loads[shard]! += chains[i]!.chapters.length))
    expect(loads.sort()).toEqual([9, 9])
    // A custom weight (step count) changes the balance.
    const bySteps = assignChains(chains, 2, (c) => (c.id === 'default' ? 100 : c.chapters.length))
    expect(bySteps.filter((s) => s === bySteps[4]).length).toBe(1)
  })
})
