/** `gs://$GCP_BUCKET_NAME/dvcstore` with `$X` / `${X}` replaced by the
 * values the learner's shell exported; unknown names stay as written. */
export function expandVariables(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (raw, braced?: string, bare?: string) => variables.get((braced ?? bare)!) ?? raw)
}
