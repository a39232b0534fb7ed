/**
 * Collects a stream's bytes up to a cap, keeping the head and a rolling
 * tail: a runaway command cannot fill memory, and the end (the error, the
 * prompt a hang waits at) is never lost.
 */
export class CappedText {
  readonly #cap: number
  readonly #tailCap: number
  #head: Buffer[] = []
  #headBytes = 0
  #tail: Buffer = Buffer.alloc(0)
  #dropped = 0

  constructor(capBytes: number) {
    this.#cap = Math.max(capBytes, 1024)
    this.#tailCap = Math.min(64 * 1024, Math.floor(this.#cap / 4))
  }

  push(chunk: Buffer): void {
    const room = this.#cap - this.#tailCap - this.#headBytes
    if (room > 0) {
      const part = chunk.subarray(0, room)
      this.#head.push(part)
      this.#headBytes += part.length
      chunk = chunk.subarray(part.length)
      if (chunk.length === 0) return
    }
    const joined = Buffer.concat([this.#tail, chunk])
    const excess = joined.length - this.#tailCap
    if (excess > 0) this.#dropped += excess
    this.#tail = excess > 0 ? joined.subarray(excess) : joined
  }

  get truncated(): boolean {
    return this.#dropped > 0
  }

  /** The text so far (bytes decoded as UTF-8; a cut character becomes U+FFFD). */
  text(): string {
    const head = Buffer.concat(this.#head).toString('utf8')
    const tail = this.#tail.toString('utf8')
    if (this.#dropped === 0) return head + tail
    return `${head}\n[docs-verify: ${this.#dropped} bytes of output omitted]\n${tail}`
  }

  /** The last `n` characters, cheap enough to call at a timeout. */
  end(n: number): string {
    const bytes = this.#dropped > 0 ? this.#tail : Buffer.concat([...this.#head, this.#tail])
    return bytes.toString('utf8').slice(-n)
  }
}
