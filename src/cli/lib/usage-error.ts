/** A mistake in how docs-verify was called or in its input: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
