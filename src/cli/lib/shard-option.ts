import {parseShard} from '../../shard/index.js'
import type {Shard} from '../../shard/index.js'
import {UsageError} from './usage-error.js'

/** `--shard i/n` as a shard, or a usage error saying what it takes. */
export function parseShardOption(text: string): Shard {
  const parsed = parseShard(text)
  if (!parsed.ok) throw new UsageError(parsed.message)
  return parsed.shard
}
