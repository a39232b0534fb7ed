import {createServer} from 'node:http'
import type {IncomingMessage, ServerResponse} from 'node:http'
import {route} from './control-plane-routes.js'
import type {ControlPlaneRequest} from './control-plane-routes.js'
import {createControlPlaneState} from './control-plane-state.js'
import type {ControlPlaneState, FakeBillingAccount} from './control-plane-state.js'

/** URL prefix of each API on the stand-in (gcloud appends `v1/...`). */
export const CONTROL_PLANE_PREFIXES = {
  cloudresourcemanager: '/cloudresourcemanager/',
  cloudbilling: '/cloudbilling/',
  serviceusage: '/serviceusage/'
} as const

/** A request no route knew. */
export interface UnknownControlPlaneRequest {
  method: string
  url: string
}

/** Options for {@link startControlPlane}. */
export interface ControlPlaneOptions {
  /** Fake billing accounts (default: one open account `010203-040506-070809`). */
  billingAccounts?: FakeBillingAccount[]
  /** Port on 127.0.0.1 (default: any free one). */
  port?: number
  log?: (message: string) => void
}

/** A running control-plane stand-in. */
export interface ControlPlane {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  endpoint: string
  /** Base URL per API, with trailing slash, for `CLOUDSDK_API_ENDPOINT_OVERRIDES_*`. */
  endpoints: Record<keyof typeof CONTROL_PLANE_PREFIXES, string>
  /** Live state: projects, billing links, enabled services. */
  state: ControlPlaneState
  /** Requests answered 501: gcloud needs something not stood in yet. */
  unknownRequests: UnknownControlPlaneRequest[]
  stop(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text)})
  response.end(text)
}

/**
 * Start a local HTTP server answering what gcloud sends to Cloud Resource
 * Manager, Cloud Billing and Service Usage, with Google's validation and
 * error shapes, so `gcloud projects create`, `billing ...` and
 * `services enable` behave as for a learner, offline.
 */
export async function startControlPlane(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const state = createControlPlaneState(options.billingAccounts)
  const unknownRequests: UnknownControlPlaneRequest[] = []
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://stand-in')
      const api = (Object.keys(CONTROL_PLANE_PREFIXES) as (keyof typeof CONTROL_PLANE_PREFIXES)[]).find((key) =>
        url.pathname.startsWith(CONTROL_PLANE_PREFIXES[key])
      )
      const body = await readBody(request)
      const method = request.method ?? 'GET'
      if (!api) {
        unknownRequests.push({method, url: request.url ?? '/'})
        options.log?.(`control-plane: unknown ${method} ${request.url}`)
        send(response, 501, {
          error: {code: 501, status: 'UNIMPLEMENTED', message: `docs-verify control-plane stand-in does not implement ${method} ${url.pathname}`}
        })
        return
      }
      const parsed: ControlPlaneRequest = {
        method,
        api,
        path: url.pathname.slice(CONTROL_PLANE_PREFIXES[api].length - 1),
        query: url.searchParams,
        body
      }
      const answer = route(state, parsed)
      if (answer.unknown) {
        unknownRequests.push({method, url: request.url ?? '/'})
        options.log?.(`control-plane: unknown ${method} ${request.url}`)
      } else {
        options.log?.(`control-plane: ${method} ${request.url} -> ${answer.status}`)
      }
      send(response, answer.status, answer.body)
    } catch (error) {
      send(response, 500, {error: {code: 500, status: 'INTERNAL', message: `docs-verify control-plane stand-in failed: ${String(error)}`}})
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const endpoint = `http://127.0.0.1:${port}`
  let stopped: Promise<void> | undefined
  return {
    endpoint,
    endpoints: controlPlaneEndpoints(endpoint),
    state,
    unknownRequests,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return stopped
    }
  }
}

/** Per-API base URLs (trailing slash) for a control-plane endpoint. */
export function controlPlaneEndpoints(endpoint: string): Record<keyof typeof CONTROL_PLANE_PREFIXES, string> {
  const base = endpoint.replace(/\/+$/, '')
  return {
    cloudresourcemanager: `${base}${CONTROL_PLANE_PREFIXES.cloudresourcemanager}`,
    cloudbilling: `${base}${CONTROL_PLANE_PREFIXES.cloudbilling}`,
    serviceusage: `${base}${CONTROL_PLANE_PREFIXES.serviceusage}`
  }
}
