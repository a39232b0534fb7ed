import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import {trackCloser} from '../../process/index.js'
import {networkDecision} from './network-policy.js'
import type {NetworkPolicy} from './network-policy.js'

/**
 * The sandbox's only way out when it has no network of its own
 * (`bwrap --unshare-net`): Unix sockets in a directory bound into the
 * sandbox, served here, in docs-verify's process.
 *
 * - `proxy.sock`: an HTTP proxy (CONNECT for HTTPS, absolute URLs for
 *   HTTP) that lets through only hosts the policy allows. Inside, it is
 *   `127.0.0.1:PROXY_PORT`, and HTTP(S)_PROXY point at it.
 * - `port-N.sock`: a local stand-in listening on the host's 127.0.0.1:N,
 *   reachable inside at the same address.
 *
 * Inside the sandbox, socat turns each socket back into a loopback port
 * (see bridgePrelude).
 */
export interface NetworkGate {
  dir: string
  /** Loopback port of the proxy inside the sandbox. */
  proxyPort: number
  /** Every bridge the sandbox needs: inside port and the socket it reaches. */
  bridges(): {port: number; socket: string}[]
  /** Make a stand-in on the host's 127.0.0.1:port reachable inside. Only
   * sandboxed commands started afterwards see it. */
  allowLocalPort(port: number, label: string): Promise<void>
  /** Hosts a step tried and was refused, with how often. */
  denied(): {target: string; reason: string; count: number}[]
  close(): Promise<void>
}

function forbid(socket: net.Socket, reason: string): void {
  const body = `docs-verify sandbox: ${reason}\n`
  socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`)
}

function splitHostPort(text: string, fallbackPort: number): {host: string; port: number} {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text)
  if (!match) return {host: text, port: fallbackPort}
  return {host: match[1]!.replace(/^\[|\]$/g, ''), port: match[2] === undefined ? fallbackPort : Number(match[2])}
}

async function listenOn(server: net.Server, socket: string): Promise<void> {
  fs.rmSync(socket, {force: true})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socket, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    ;(server as http.Server).closeAllConnections?.()
  })
}

/** Open the gate's sockets in `dir` (created). */
export async function openNetworkGate(dir: string, policy: NetworkPolicy): Promise<NetworkGate> {
  fs.mkdirSync(dir, {recursive: true})
  const refused = new Map<string, {reason: string; count: number}>()
  const sockets = new Set<net.Socket>()
  const keep = (socket: net.Socket): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const decide = (host: string, port: number): {allowed: boolean; reason: string} => {
    const decision = networkDecision(policy, host, port)
    if (!decision.allowed) {
      const key = `${host}:${port}`
      const seen = refused.get(key)
      refused.set(key, {reason: decision.reason, count: (seen?.count ?? 0) + 1})
    }
    return decision
  }

  const proxy = http.createServer((request, response) => {
    // Plain HTTP through a proxy: the request line holds the absolute URL.
    let url: URL
    try {
      url = new URL(request.url ?? '')
    } catch {
      response.writeHead(400, {'content-type': 'text/plain'}).end('docs-verify sandbox: a proxy request needs an absolute URL\n')
      return
    }
    const port = Number(url.port || 80)
    const decision = decide(url.hostname, port)
    if (!decision.allowed || url.protocol !== 'http:') {
      response.writeHead(403, {'content-type': 'text/plain'}).end(`docs-verify sandbox: ${decision.reason}\n`)
      return
    }
    const upstream = http.request(
      {host: url.hostname, port, method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers},
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, {'content-type': 'text/plain'})
      response.end(`docs-verify sandbox: ${url.host}: ${error.message}\n`)
    })
    request.pipe(upstream)
  })
  proxy.on('connection', keep)
  proxy.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const {host, port} = splitHostPort(request.url ?? '', 443)
    const decision = decide(host, port)
    if (!decision.allowed) {
      forbid(client, decision.reason)
      return
    }
    const upstream = net.connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    keep(upstream)
    upstream.once('error', (error) => {
      if (client.writable) client.end(`HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\ndocs-verify sandbox: ${host}:${port}: ${error.message}\n`)
    })
  })
  const proxySocket = path.join(dir, 'proxy.sock')
  await listenOn(proxy, proxySocket)

  const forwarders = new Map<number, {server: net.Server; socket: string}>()
  const allowLocalPort = async (port: number, label: string): Promise<void> => {
    if (!policy.localPorts.some((entry) => entry.port === port)) policy.localPorts.push({port, label})
    if (forwarders.has(port)) return
    const server = net.createServer((client) => {
      keep(client)
      const upstream = net.connect(port, '127.0.0.1')
      keep(upstream)
      upstream.once('error', () => client.destroy())
      client.pipe(upstream)
      upstream.pipe(client)
    })
    const socket = path.join(dir, `port-${port}.sock`)
    await listenOn(server, socket)
    forwarders.set(port, {server, socket})
  }

  // A proxy port no stand-in uses inside the sandbox's own loopback.
  let proxyPort = 3128
  const closer = trackCloser(() => {
    proxy.close()
    for (const {server} of forwarders.values()) server.close()
    for (const socket of sockets) socket.destroy()
  })
  const gate: NetworkGate = {
    dir,
    get proxyPort() {
      while (forwarders.has(proxyPort)) proxyPort++
      return proxyPort
    },
    bridges() {
      return [{port: gate.proxyPort, socket: proxySocket}, ...[...forwarders].map(([port, {socket}]) => ({port, socket}))]
    },
    allowLocalPort,
    denied: () => [...refused].map(([target, {reason, count}]) => ({target, reason, count})),
    async close() {
      closer.release()
      for (const socket of sockets) socket.destroy()
      await Promise.all([closeServer(proxy), ...[...forwarders.values()].map(({server}) => closeServer(server))])
    }
  }
  // Allow-listed loopback entries (`127.0.0.1:8080`) are bridged like stand-ins.
  for (const entry of policy.allowHosts) {
    const local = /^(?:127\.0\.0\.1|localhost):(\d+)$/.exec(entry)
    if (local) await allowLocalPort(Number(local[1]), entry)
  }
  return gate
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * The start of every command in a sandbox without a network: socat turns
 * each gate socket into a loopback port, and the command starts once they
 * all listen. `"$@"` is the command.
 */
export function bridgePrelude(bridges: readonly {port: number; socket: string}[], socat: string): string {
  const lines = bridges.map(
    // In a subshell that ends at once: the bridges are the sandbox init's
    // children, not the command's (a shell's children are a block's jobs).
    ({port, socket}) => `(${shellQuote(socat)} TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:${shellQuote(socket)} </dev/null >/dev/null 2>&1 &)`
  )
  const hex = bridges.map(({port}) => port.toString(16).toUpperCase().padStart(4, '0'))
  // Wait (at most ~5 s) until every port listens: /proc/net/tcp, state 0A.
  lines.push(
    `for __dv_p in ${hex.join(' ')}; do __dv_n=0; until grep -q "0100007F:$__dv_p 00000000:0000 0A" /proc/net/tcp; do __dv_n=$((__dv_n+1)); [ $__dv_n -gt 500 ] && { echo "docs-verify sandbox: the network bridge did not start" >&2; exit 125; }; sleep 0.01; done; done`,
    'unset __dv_p __dv_n',
    'exec "$@"'
  )
  return lines.join('\n')
}
