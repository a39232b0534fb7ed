import {shardChains} from '../../shard/index.js'
import type {Shard} from '../../shard/index.js'
import {splitForShards} from './build-chains.js'
import type {VerifyChain} from './build-chains.js'

/** The chains of `--shard i/n`: long chains cut so a one-chain guide still
 * spreads, then whole chains balanced by step count. The same selection for
 * a run and a dry run, so a dry run shows what the shard would run. */
export function chainsOfShard(chains: readonly VerifyChain[], shard: Shard): VerifyChain[] {
  return shardChains(
    splitForShards(chains, shard.count).map((chain) => ({...chain, chapters: chain.links})),
    shard,
    (chain) => chain.links.reduce((sum, link) => sum + link.prepared.steps.length, 0)
  )
}
