/**
 * The few calls of the Cloud Storage JSON API docs-verify makes to the
 * emulator, with the one paging loop they share.
 */

/** What a call to the emulator answered, when it was not a 2xx. */
export class GcsApiError extends Error {
  override name = 'GcsApiError'
  readonly status: number

  constructor(message: string, status: number) {
    super(message)
    this.status = status
  }
}

function apiBase(endpoint: string): string {
  return endpoint.replace(/\/+$/, '')
}

async function answer(url: string | URL, init: RequestInit = {}, timeoutMs = 30_000): Promise<Response> {
  const response = await fetch(url, {...init, signal: AbortSignal.timeout(timeoutMs)})
  if (!response.ok) throw new GcsApiError(`${init.method ?? 'GET'} ${String(url)} answered ${response.status}: ${(await response.text()).trim()}`, response.status)
  return response
}

/** Every item of a listing, following `nextPageToken`. */
async function listAll(url: string): Promise<string[]> {
  const names: string[] = []
  let pageToken: string | undefined
  do {
    const page = new URL(url)
    if (pageToken) page.searchParams.set('pageToken', pageToken)
    const body = (await (await answer(page)).json()) as {items?: {name: string}[]; nextPageToken?: string}
    for (const item of body.items ?? []) names.push(item.name)
    pageToken = body.nextPageToken || undefined
  } while (pageToken)
  return names
}

function bucketUrl(endpoint: string, bucket: string): string {
  return `${apiBase(endpoint)}/storage/v1/b/${encodeURIComponent(bucket)}`
}

/** Whether the bucket exists (a 404 is `false`; any other failure throws). */
export async function bucketExists(endpoint: string, bucket: string): Promise<boolean> {
  try {
    await (await answer(bucketUrl(endpoint, bucket), {}, 5000)).arrayBuffer()
    return true
  } catch (error) {
    if (error instanceof GcsApiError && error.status === 404) return false
    throw error
  }
}

/** Every bucket of the emulator (the emulator ignores the project). */
export async function listBuckets(endpoint: string): Promise<string[]> {
  return listAll(`${apiBase(endpoint)}/storage/v1/b?project=docs-verify`)
}

/** Every object name of a bucket, in the order the emulator lists them. */
export async function listObjects(endpoint: string, bucket: string): Promise<string[]> {
  return listAll(`${bucketUrl(endpoint, bucket)}/o`)
}

export async function readObject(endpoint: string, bucket: string, name: string): Promise<Buffer> {
  return Buffer.from(await (await answer(`${bucketUrl(endpoint, bucket)}/o/${encodeURIComponent(name)}?alt=media`)).arrayBuffer())
}

export async function createBucket(endpoint: string, bucket: string): Promise<void> {
  await (
    await answer(`${apiBase(endpoint)}/storage/v1/b?project=docs-verify`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: bucket})})
  ).arrayBuffer()
}

export async function uploadObject(endpoint: string, bucket: string, name: string, content: Uint8Array | string): Promise<void> {
  const url = `${apiBase(endpoint)}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=media&name=${encodeURIComponent(name)}`
  await (await answer(url, {method: 'POST', body: content})).arrayBuffer()
}
