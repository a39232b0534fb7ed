import {isHealthy, resetEmulator} from './emulator-health.js'
import type {GcsEmulator} from './emulator-types.js'

/**
 * Use a fake-gcs-server the user already runs (`--gcs url --gcs-url URL`). Checked once;
 * `stop()` leaves it running since we did not start it.
 */
export async function connectUrlEmulator(url: string): Promise<GcsEmulator> {
  let endpoint: string
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)')
    endpoint = `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`
  } catch {
    throw new Error(`--gcs-url ${url}: not an http(s) URL; pass the emulator's base URL, e.g. http://127.0.0.1:4443`)
  }
  if (!(await isHealthy(endpoint, 3000))) {
    throw new Error(
      `--gcs-url ${endpoint}: GET /_internal/healthcheck did not answer 200; is fake-gcs-server running there with -scheme http?`
    )
  }
  return {backend: 'url', endpoint, stop: async () => {}, reset: () => resetEmulator(endpoint)}
}
