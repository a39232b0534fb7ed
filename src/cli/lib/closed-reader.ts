/**
 * `docs-verify chapter-7 --dry-run | head`: the reader goes away and the
 * next write fails with EPIPE, which Node raises as an unhandled 'error'
 * event: a stack trace and exit code 1, read as "a check failed". What is
 * left to print has no reader; the command carries on, its verdict in the
 * exit code and in any report file.
 */
export function ignoreClosedReader(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // Once the pipe is closed the stream is destroyed: later writes fail too.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    throw error
  })
}
