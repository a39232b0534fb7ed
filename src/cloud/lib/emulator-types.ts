/** Where the GCS emulator comes from. */
export type EmulatorBackend = 'container' | 'binary' | 'url'

/** A running fake-gcs-server, whatever started it. */
export interface GcsEmulator {
  backend: EmulatorBackend
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  endpoint: string
  /** Stop it (a no-op for a `url` emulator the user runs). Idempotent. */
  stop(): Promise<void>
  /** Delete every bucket and object. */
  reset(): Promise<void>
}

/** Log sink: one line per call, no trailing newline. */
export type EmulatorLog = (message: string) => void
