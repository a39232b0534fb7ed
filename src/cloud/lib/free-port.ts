import {createServer} from 'node:net'

/**
 * Ask the kernel for a free loopback TCP port.
 *
 * There is a short window between closing the probe and the caller binding,
 * which is acceptable for a single-user sandbox.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the probe port'))))
    })
  })
}
