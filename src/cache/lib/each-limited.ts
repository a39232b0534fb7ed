/**
 * Run `action` on every item with at most `limit` in flight: file copies
 * and hashes overlap in libuv's thread pool without opening thousands of
 * files at once. On the first failure no new item starts; the promise
 * settles only after every started one has, so a caller can clean up.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, action: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failure: {error: unknown} | null = null
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++]!
      try {
        await action(item)
      } catch (error) {
        failure ??= {error}
      }
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  if (failure !== null) throw (failure as {error: unknown}).error
}
