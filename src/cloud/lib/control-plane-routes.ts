import {isBillingAccountId, projectIdProblem} from './control-plane-validate.js'
import type {ControlPlaneState, FakeOperation, FakeProject} from './control-plane-state.js'

/** A parsed request as the routes see it. */
export interface ControlPlaneRequest {
  method: string
  /** Path without the API prefix (`/v1/projects`), query removed. */
  path: string
  /** Which API the prefix named. */
  api: 'cloudresourcemanager' | 'cloudbilling' | 'serviceusage'
  query: URLSearchParams
  body: unknown
}

/** Status and JSON body to send back. */
export interface ControlPlaneResponse {
  status: number
  body: unknown
  /** Set when no route matched (logged by the server). */
  unknown?: boolean
}

/** Services Google lets a project enable without a billing account. */
const FREE_SERVICES = new Set([
  'cloudapis.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'cloudbilling.googleapis.com',
  'serviceusage.googleapis.com',
  'storage.googleapis.com',
  'storage-api.googleapis.com',
  'storage-component.googleapis.com',
  'iam.googleapis.com',
  'iamcredentials.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'oslogin.googleapis.com',
  'bigquery.googleapis.com'
])

/** Google's error body: `{error: {code, message, status}}`, which gcloud prints. */
export function googleError(code: number, status: string, message: string): ControlPlaneResponse {
  return {status: code, body: {error: {code, message, status}}}
}

const denied = (what: string): ControlPlaneResponse =>
  googleError(
    403,
    'PERMISSION_DENIED',
    `The caller does not have permission (docs-verify stand-in: ${what})`
  )

function projectResource(project: FakeProject): Record<string, unknown> {
  return {
    projectNumber: project.projectNumber,
    projectId: project.projectId,
    lifecycleState: project.lifecycleState,
    name: project.name,
    createTime: project.createTime
  }
}

function billingInfo(project: FakeProject): Record<string, unknown> {
  return {
    name: `projects/${project.projectId}/billingInfo`,
    projectId: project.projectId,
    billingAccountName: project.billingAccountName ?? '',
    billingEnabled: Boolean(project.billingAccountName)
  }
}

function operation(state: ControlPlaneState, prefix: string, op: Omit<FakeOperation, 'name' | 'done'>): FakeOperation {
  const name = `operations/${prefix}.${state.operations.size + 1}`
  const full: FakeOperation = {name, done: true, ...op}
  state.operations.set(name, full)
  return full
}

function object(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** Answer one control-plane request against the state (mutating it). */
export function route(state: ControlPlaneState, request: ControlPlaneRequest): ControlPlaneResponse {
  const {method, path} = request
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent)
  if (segments[0] !== 'v1') return unknownRoute(request)
  const rest = segments.slice(1)

  // Operations are shared: cloudresourcemanager and serviceusage poll them alike.
  if (rest[0] === 'operations' && rest.length >= 2 && method === 'GET') {
    const name = `operations/${rest.slice(1).join('/')}`
    const op = state.operations.get(name)
    return op ? {status: 200, body: op} : googleError(404, 'NOT_FOUND', `Operation ${name} not found`)
  }

  if (request.api === 'cloudresourcemanager') return crm(state, request, rest)
  if (request.api === 'cloudbilling') return billing(state, request, rest)
  return serviceUsage(state, request, rest)
}

function crm(state: ControlPlaneState, request: ControlPlaneRequest, rest: string[]): ControlPlaneResponse {
  const {method} = request
  if (rest[0] !== 'projects') return unknownRoute(request)
  if (rest.length === 1 && method === 'POST') {
    const body = object(request.body)
    const projectId = typeof body.projectId === 'string' ? body.projectId : ''
    const problem = projectIdProblem(projectId)
    if (problem) {
      return googleError(400, 'INVALID_ARGUMENT', `field [project_id] has issue [${problem}]`)
    }
    if (state.projects.has(projectId)) {
      return googleError(
        409,
        'ALREADY_EXISTS',
        `Requested entity already exists (docs-verify stand-in: project \`${projectId}\` was already created; project ids are unique across Google Cloud, pick another)`
      )
    }
    const project: FakeProject = {
      projectId,
      projectNumber: String(100_000_000_000 + state.projects.size + 1),
      name: typeof body.name === 'string' && body.name ? body.name : projectId,
      lifecycleState: 'ACTIVE',
      createTime: new Date().toISOString(),
      enabledServices: []
    }
    state.projects.set(projectId, project)
    const op = operation(state, 'cp', {
      response: {'@type': 'type.googleapis.com/google.cloudresourcemanager.v1.Project', ...projectResource(project)}
    })
    return {status: 200, body: op}
  }
  if (rest.length === 1 && method === 'GET') {
    const projects = [...state.projects.values()].map(projectResource)
    return {status: 200, body: projects.length ? {projects} : {}}
  }
  const id = rest[1] ?? ''
  const project = state.projects.get(id)
  if (rest.length === 2 && method === 'GET') {
    return project ? {status: 200, body: projectResource(project)} : denied(`project \`${id}\` does not exist; create it with \`gcloud projects create ${id}\``)
  }
  // `gcloud projects describe/get-iam-policy` style suffixes: `:getIamPolicy`.
  if (rest.length === 2 && method === 'POST' && id.endsWith(':getIamPolicy')) {
    return {status: 200, body: {version: 1, etag: 'BwAAAAAAAAA=', bindings: []}}
  }
  return unknownRoute(request)
}

function billing(state: ControlPlaneState, request: ControlPlaneRequest, rest: string[]): ControlPlaneResponse {
  const {method} = request
  if (rest[0] === 'billingAccounts' && rest.length === 1 && method === 'GET') {
    return {
      status: 200,
      body: {
        billingAccounts: state.billingAccounts.map((a) => ({
          name: `billingAccounts/${a.id}`,
          open: a.open,
          displayName: a.displayName,
          masterBillingAccount: ''
        }))
      }
    }
  }
  if (rest[0] === 'billingAccounts' && rest.length === 2 && method === 'GET') {
    const account = state.billingAccounts.find((a) => a.id === rest[1])
    if (!account) return denied(`billing account \`${rest[1]}\` is not one of ${knownAccounts(state)}`)
    return {status: 200, body: {name: `billingAccounts/${account.id}`, open: account.open, displayName: account.displayName, masterBillingAccount: ''}}
  }
  if (rest[0] === 'projects' && rest[2] === 'billingInfo' && rest.length === 3) {
    const id = rest[1] ?? ''
    const project = state.projects.get(id)
    if (!project) return denied(`project \`${id}\` does not exist; create it with \`gcloud projects create ${id}\``)
    if (method === 'GET') return {status: 200, body: billingInfo(project)}
    if (method === 'PUT') {
      const body = object(request.body)
      const accountName = typeof body.billingAccountName === 'string' ? body.billingAccountName : ''
      if (accountName === '') {
        project.billingAccountName = undefined
        return {status: 200, body: billingInfo(project)}
      }
      const accountId = accountName.replace(/^billingAccounts\//, '')
      if (!isBillingAccountId(accountId)) {
        return googleError(
          400,
          'INVALID_ARGUMENT',
          `Invalid billing account name \`${accountName}\` (docs-verify stand-in: ids look like 010203-040506-070809; see \`gcloud billing accounts list\`)`
        )
      }
      const account = state.billingAccounts.find((a) => a.id.toUpperCase() === accountId.toUpperCase())
      if (!account) return denied(`billing account \`${accountId}\` is not one of ${knownAccounts(state)}`)
      if (!account.open) {
        return googleError(400, 'FAILED_PRECONDITION', `Billing account \`${accountId}\` is closed`)
      }
      project.billingAccountName = `billingAccounts/${account.id}`
      return {status: 200, body: billingInfo(project)}
    }
  }
  return unknownRoute(request)
}

function serviceUsage(state: ControlPlaneState, request: ControlPlaneRequest, rest: string[]): ControlPlaneResponse {
  const {method} = request
  if (rest[0] !== 'projects' || rest.length < 3) return unknownRoute(request)
  const id = rest[1] ?? ''
  const project = state.projects.get(id)
  if (!project) return denied(`project \`${id}\` does not exist; create it with \`gcloud projects create ${id}\``)

  let services: string[] | undefined
  if (method === 'POST' && rest.length === 3 && rest[2] === 'services:batchEnable') {
    const ids = object(request.body).serviceIds
    services = Array.isArray(ids) ? ids.map(String) : []
  } else if (method === 'POST' && rest.length === 4 && rest[2] === 'services' && rest[3]?.endsWith(':enable')) {
    services = [rest[3].slice(0, -':enable'.length)]
  } else if (method === 'GET' && rest.length === 3 && rest[2] === 'services') {
    return {
      status: 200,
      body: {services: project.enabledServices.map((s) => ({name: `projects/${project.projectNumber}/services/${s}`, config: {name: s}, state: 'ENABLED'}))}
    }
  } else if (method === 'GET' && rest.length === 4 && rest[2] === 'services') {
    const s = rest[3] ?? ''
    const state_ = project.enabledServices.includes(s) ? 'ENABLED' : 'DISABLED'
    return {status: 200, body: {name: `projects/${project.projectNumber}/services/${s}`, config: {name: s}, state: state_}}
  }
  if (!services) return unknownRoute(request)

  const unknown = services.filter((s) => !/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.googleapis\.com$/.test(s))
  if (unknown.length) {
    return googleError(403, 'PERMISSION_DENIED', `Not found or permission denied for service(s): ${unknown.join(', ')}.`)
  }
  const paid = services.filter((s) => !FREE_SERVICES.has(s))
  if (paid.length && !project.billingAccountName) {
    return googleError(
      400,
      'FAILED_PRECONDITION',
      `Billing account for project '${project.projectNumber}' is not found. Billing must be enabled for activation of service(s) '${paid.join(',')}' to proceed. (docs-verify stand-in: run \`gcloud billing projects link ${id} --billing-account ...\` first)`
    )
  }
  for (const s of services) if (!project.enabledServices.includes(s)) project.enabledServices.push(s)
  const op = operation(state, 'acf', {
    response: {
      '@type': 'type.googleapis.com/google.api.serviceusage.v1.BatchEnableServicesResponse',
      services: services.map((s) => ({name: `projects/${project.projectNumber}/services/${s}`, config: {name: s}, state: 'ENABLED'}))
    }
  })
  return {status: 200, body: op}
}

function knownAccounts(state: ControlPlaneState): string {
  const ids = state.billingAccounts.map((a) => a.id)
  return ids.length ? `the accounts \`gcloud billing accounts list\` shows (${ids.join(', ')})` : 'any account (none is configured)'
}

function unknownRoute(request: ControlPlaneRequest): ControlPlaneResponse {
  return {
    status: 501,
    unknown: true,
    body: {
      error: {
        code: 501,
        status: 'UNIMPLEMENTED',
        message: `docs-verify control-plane stand-in does not implement ${request.method} ${request.api} ${request.path}`
      }
    }
  }
}
