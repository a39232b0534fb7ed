import {GcsApiError, bucketExists, listObjects} from './gcs-json-api.js'

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
  let exists: boolean
  try {
    exists = await bucketExists(endpoint, bucketName)
  } catch (error) {
    if (error instanceof GcsApiError) return {bucket: bucketName, exists: false, objects: [], message: error.message}
    return {bucket: bucketName, exists: false, objects: [], message: `could not reach the GCS emulator at ${endpoint}: ${error instanceof Error ? error.message : String(error)}`}
  }
  if (!exists) {
    return {bucket: bucketName, exists: false, objects: [], message: `bucket \`${bucketName}\` does not exist: was \`gcloud storage buckets create gs://${bucketName}\` run?`}
  }
  try {
    return {bucket: bucketName, exists: true, objects: (await listObjects(endpoint, bucketName)).sort()}
  } catch (error) {
    return {bucket: bucketName, exists: true, objects: [], message: error instanceof Error ? error.message : String(error)}
  }
}
