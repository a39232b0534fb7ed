import {describe, expect, it} from 'vitest'
import {splitForShards} from '../../src/verify/lib/build-chains.js'
import type {VerifyChain} from '../../src/verify/lib/build-chains.js'
import type {ChainLink} from '../../src/verify/lib/run-chain.js'
import {shardChains} from '../../src/shard/index.js'

/** A chain of chapters with the given step counts; the first `setup` are
 * only there to reach the first target's state. */
function chain(steps: number[], setup = 0): VerifyChain {
  const links = steps.map(
    (count, index) =>
      ({
        role: index < setup ? 'setup' : 'target',
        config: {},
        prepared: {plan: {slug: `chapter-${index + 1}`}, steps: Array.from({length: count})}
      }) as unknown as ChainLink
  )
  return {id: 'guide', links}
}

function targetsOf(chains: readonly VerifyChain[]): string[] {
  return chains.flatMap((entry) => entry.links.filter((link) => link.role === 'target').map((link) => link.prepared.plan.slug))
}

describe('splitForShards', () => {
  it('cuts one chain into contiguous groups of targets, each replaying what comes before it as setup', () => {
    const split = splitForShards([chain([14, 5, 10, 7, 8, 4, 18])], 3)
    // 66 steps in all: the cuts fall where a third and two thirds are passed.
    expect(split.map((entry) => entry.id)).toEqual(['guide#chapter-1..chapter-3', 'guide#chapter-4..chapter-5', 'guide#chapter-6..chapter-7'])
    expect(split[2]!.links.map((link) => link.role)).toEqual(['setup', 'setup', 'setup', 'setup', 'setup', 'target', 'target'])
  })

  it('leaves a chain with one target alone', () => {
    expect(splitForShards([chain([3, 4, 5], 2)], 3).map((entry) => entry.id)).toEqual(['guide'])
  })

  it.each([1, 2, 3, 4, 5])('with %i shards every target is verified exactly once', (count) => {
    const split = splitForShards([chain([14, 5, 10, 7, 8, 4, 18])], count)
    const perShard = Array.from({length: count}, (_, index) =>
      targetsOf(shardChains(split.map((entry) => ({...entry, chapters: entry.links})), {index: index + 1, count}))
    )
    expect(perShard.flat().sort()).toEqual(['chapter-1', 'chapter-2', 'chapter-3', 'chapter-4', 'chapter-5', 'chapter-6', 'chapter-7'])
  })
})
