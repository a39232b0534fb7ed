/** A Cloud Storage location: `gs://<bucket>/<prefix>`. */
export interface GsUrl {
  bucket: string
  /** The object-name prefix, without leading or trailing slashes (`dvcstore`); empty for the bucket's root. */
  prefix: string
}

/**
 * Read a `gs://` URL (`gs://mlops-bucket/dvcstore/`). Anything else (an
 * `s3://` remote, a URL without a bucket) is `undefined`: the bucket name
 * itself is checked against the naming rules elsewhere.
 */
export function parseGsUrl(url: string): GsUrl | undefined {
  const match = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(url.trim())
  if (!match) return undefined
  return {bucket: match[1]!, prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '')}
}

/** Every `gs://...` word of a command line, as written (quotes and
 * a trailing `\` continuation left out; `$VARIABLES` not expanded). */
export function gsUrlsIn(commandLine: string): string[] {
  return [...commandLine.matchAll(/gs:\/\/[^\s\\'"`;|&)]+/g)].map((match) => match[0])
}
