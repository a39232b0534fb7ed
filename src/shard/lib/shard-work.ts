import {checkShard} from './parse-shard.js'
import type {Shard} from './parse-shard.js'

/**
 * The items of one shard: round-robin over the items sorted by key, so the
 * split does not depend on input order and the shards differ in size by at
 * most one. Over all shards every item appears exactly once (items with the
 * same key included). Returned in input order.
 */
export function shardWork<T>(items: readonly T[], shard: Shard, keyOf: (item: T) => string): T[] {
  checkShard(shard)
  const order = items
    .map((item, position) => ({key: keyOf(item), position}))
    .sort((a, b) => compare(a.key, b.key) || a.position - b.position)
  const mine = new Set<number>()
  order.forEach((entry, rank) => {
    if (rank % shard.count === shard.index - 1) mine.add(entry.position)
  })
  return items.filter((_item, position) => mine.has(position))
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
