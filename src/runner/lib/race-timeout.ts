/**
 * `promise`, or `onTimeout` after `ms`, whichever comes first; the timer is
 * cleared either way. Not an AbortController: aborting one builds an
 * AbortError with its stack on every block, a measurable part of the
 * runner's cost per block.
 */
export function raceTimeout<T, U>(promise: Promise<T>, ms: number, onTimeout: U): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<U>((resolve) => {
    timer = setTimeout(resolve, ms, onTimeout)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
