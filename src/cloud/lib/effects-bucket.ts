/** What the emulator holds for one bucket. */
export interface BucketCheck {
  bucket: string
  exists: boolean
  /** Object names, sorted. Empty when the bucket does not exist. */
  objects: string[]
  /** Why `exists` is false (or the listing failed), for a report. */
  message?: string
}

/**
 * List a bucket through the emulator's JSON API (all pages). Never throws:
 * an unreachable emulator is reported in `message`.
 */
export async function checkBucket(endpoint: string, bucketName: string): Promise<BucketCheck> {
  const base = `${endpoint.replace(/\/+$/, '')}/storage/v1/b/${encodeURIComponent(bucketName)}`
  try {
    const head = await fetch(base, {signal: AbortSignal.timeout(5000)})
    await head.arrayBuffer()
    if (head.status === 404) {
      return {bucket: bucketName, exists: false, objects: [], message: `bucket \`${bucketName}\` does not exist: was \`gcloud storage buckets create gs://${bucketName}\` run?`}
    }
    if (!head.ok) return {bucket: bucketName, exists: false, objects: [], message: `GET ${base} answered ${head.status}`}
    const objects: string[] = []
    let pageToken: string | undefined
    do {
      const url = new URL(`${base}/o`)
      if (pageToken) url.searchParams.set('pageToken', pageToken)
      const response = await fetch(url, {signal: AbortSignal.timeout(10_000)})
      if (!response.ok) {
        await response.arrayBuffer()
        return {bucket: bucketName, exists: true, objects, message: `GET ${url} answered ${response.status}`}
      }
      const page = (await response.json()) as {items?: {name: string}[]; nextPageToken?: string}
      for (const item of page.items ?? []) objects.push(item.name)
      pageToken = page.nextPageToken || undefined
    } while (pageToken)
    objects.sort()
    return {bucket: bucketName, exists: true, objects}
  } catch (error) {
    return {bucket: bucketName, exists: false, objects: [], message: `could not reach the GCS emulator at ${endpoint}: ${error instanceof Error ? error.message : String(error)}`}
  }
}
