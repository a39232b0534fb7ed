import {checkShard} from './parse-shard.js'
import type {Shard} from './parse-shard.js'
import {compare} from './shard-work.js'

/** Chapters that must run in order in one sandbox (each resumes the last). */
export interface Chain<C = unknown> {
  id: string
  chapters: readonly C[]
}

/**
 * Assign whole chains to shards, balancing total weight (default: number of
 * chapters; pass the step count for a better balance). Greedy, heaviest
 * first, each to the lightest shard so far, ties to the lowest shard and by
 * id, so every shard computes the same assignment on its own.
 * Returns the 0-based shard index of each chain, in input order.
 */
export function assignChains<T extends Chain>(
  chains: readonly T[],
  count: number,
  weightOf: (chain: T) => number = (chain) => chain.chapters.length
): number[] {
  checkShard({index: 1, count})
  const loads = new Array<number>(count).fill(0)
  const assignment = new Array<number>(chains.length).fill(0)
  const order = chains
    .map((chain, position) => ({id: chain.id, weight: Math.max(0, weightOf(chain) || 0), position}))
    .sort((a, b) => b.weight - a.weight || compare(a.id, b.id) || a.position - b.position)
  for (const entry of order) {
    let lightest = 0
    for (let shard = 1; shard < count; shard++) {
      if (loads[shard]! < loads[lightest]!) lightest = shard
    }
    loads[lightest]! += entry.weight
    assignment[entry.position] = lightest
  }
  return assignment
}

/** The chains of one shard (1-based `shard.index`), in input order. */
export function shardChains<T extends Chain>(
  chains: readonly T[],
  shard: Shard,
  weightOf?: (chain: T) => number
): T[] {
  checkShard(shard)
  const assignment = assignChains(chains, shard.count, weightOf)
  return chains.filter((_chain, position) => assignment[position] === shard.index - 1)
}
