/** Options for {@link waitForHealthy}. */
export interface WaitForHealthyOptions {
  /** Give up after this many milliseconds (default 15000). */
  timeoutMs?: number
  /** Delay between polls (default 15 ms: the server is usually up within ~100 ms). */
  intervalMs?: number
  /** Called before each poll: return a reason to stop early (the process died). */
  abortReason?: () => string | undefined
}

/** Health-check URL of fake-gcs-server for an endpoint. */
export function healthcheckUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/_internal/healthcheck`
}

/** One health probe: true when `GET /_internal/healthcheck` answers 2xx. */
export async function isHealthy(endpoint: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(healthcheckUrl(endpoint), {signal: AbortSignal.timeout(timeoutMs)})
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

/**
 * Poll the emulator until it answers its health check.
 *
 * Throws with the endpoint and the reason (timeout, or what `abortReason`
 * said) so the caller can name what to fix.
 */
export async function waitForHealthy(endpoint: string, options: WaitForHealthyOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 15_000
  const intervalMs = options.intervalMs ?? 15
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const reason = options.abortReason?.()
    if (reason) throw new Error(`fake-gcs-server at ${endpoint} did not become healthy: ${reason}`)
    if (await isHealthy(endpoint, Math.min(1000, timeoutMs))) return
    if (Date.now() >= deadline) {
      throw new Error(`fake-gcs-server at ${endpoint} did not answer GET /_internal/healthcheck within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Empty the emulator (all buckets and objects) between chapters. */
export async function resetEmulator(endpoint: string): Promise<void> {
  const url = `${endpoint.replace(/\/+$/, '')}/_internal/delete_all`
  const response = await fetch(url, {method: 'POST', signal: AbortSignal.timeout(5000)})
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}`)
}
