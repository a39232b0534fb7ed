/**
 * Splits one of the shell's output streams at the session's marker: bytes
 * before it are the block's output, the line after it (on stdout) is the
 * shell's reply. The marker may arrive cut between two chunks; only bytes
 * that could start it are held back, so a prompt at the end of the output
 * is seen at once by a timeout.
 */
export class MarkedStream {
  readonly #marker: Buffer
  readonly #withReply: boolean
  readonly sink: {data: (chunk: Buffer) => void; marker: (reply: string | undefined) => void}
  #held: Buffer = Buffer.alloc(0)
  /** After a marker on a stream with replies: bytes of the reply line so far. */
  #reply: Buffer | undefined

  constructor(marker: string, withReply: boolean, sink: MarkedStream['sink']) {
    this.sink = sink
    this.#marker = Buffer.from(marker, 'latin1')
    this.#withReply = withReply
  }

  push(chunk: Buffer): void {
    let data = this.#held.length > 0 ? Buffer.concat([this.#held, chunk]) : chunk
    this.#held = Buffer.alloc(0)
    while (data.length > 0) {
      if (this.#reply !== undefined) {
        const end = data.indexOf(10)
        if (end < 0) {
          this.#reply = Buffer.concat([this.#reply, data])
          return
        }
        const reply = Buffer.concat([this.#reply, data.subarray(0, end)]).toString('utf8')
        this.#reply = undefined
        data = data.subarray(end + 1)
        this.sink.marker(reply)
        continue
      }
      const at = data.indexOf(this.#marker)
      if (at < 0) {
        const keep = this.#partialMarkerAtEnd(data)
        if (data.length > keep) this.sink.data(data.subarray(0, data.length - keep))
        this.#held = Buffer.from(data.subarray(data.length - keep))
        return
      }
      if (at > 0) this.sink.data(data.subarray(0, at))
      data = data.subarray(at + this.#marker.length)
      if (this.#withReply) this.#reply = Buffer.alloc(0)
      else this.sink.marker(undefined)
    }
  }

  /** Bytes held back at the end of the stream (the process ended). */
  flush(): void {
    if (this.#held.length > 0) this.sink.data(this.#held)
    this.#held = Buffer.alloc(0)
  }

  #partialMarkerAtEnd(data: Buffer): number {
    const longest = Math.min(data.length, this.#marker.length - 1)
    const first = this.#marker[0] as number
    for (let start = data.indexOf(first, data.length - longest); start >= 0; start = data.indexOf(first, start + 1)) {
      const size = data.length - start
      if (data.subarray(start).equals(this.#marker.subarray(0, size))) return size
    }
    return 0
  }
}
