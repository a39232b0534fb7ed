import {UsageError} from './usage-error.js'
import {parseShard, shardChains} from '../../shard/index.js'
import {splitForShards} from '../../verify/lib/build-chains.js'
import type {VerifyChain} from '../../verify/lib/build-chains.js'

/** The chains of `--shard i/n`: long chains cut so a one-chain guide still
 * spreads, then whole chains balanced by step count. The same selection for
 * a run and a dry run, so a dry run shows what the shard would run. */
export function chainsOfShard(chains: readonly VerifyChain[], shardText: string): VerifyChain[] {
  const shard = parseShard(shardText)
  if (!shard.ok) throw new UsageError(shard.message)
  return shardChains(
    splitForShards(chains, shard.shard.count).map((chain) => ({...chain, chapters: chain.links})),
    shard.shard,
    (chain) => chain.links.reduce((sum, link) => sum + link.prepared.steps.length, 0)
  )
}
