/** One slice of the work: `index` is 1-based, as written on the command line. */
export interface Shard {
  index: number
  count: number
}

export type ParseShardResult = {ok: true; shard: Shard} | {ok: false; message: string}

/**
 * Parse `--shard i/n` (CI matrices count from 1). Returns a message instead
 * of throwing so the CLI can print it as a usage error.
 */
export function parseShard(text: string): ParseShardResult {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const index = match ? Number(match[1]) : Number.NaN
  const count = match ? Number(match[2]) : Number.NaN
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    return {
      ok: false,
      message: `--shard takes i/n with 1 <= i <= n, got ${JSON.stringify(text)} (for example --shard 2/3)`
    }
  }
  return {ok: true, shard: {index, count}}
}

/** Throws on a shard the caller built by hand with impossible numbers. */
export function checkShard(shard: Shard): void {
  const {index, count} = shard
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
    throw new RangeError(`shard must have 1 <= index <= count, got ${index}/${count}`)
  }
}
