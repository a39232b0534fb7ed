/**
 * Project id rules as Google enforces them: 6-30 characters, lowercase
 * letters, digits and hyphens, starting with a letter, not ending with a
 * hyphen. Returns the broken rule, or undefined when valid.
 */
export function projectIdProblem(id: string): string | undefined {
  if (id.length < 6 || id.length > 30) return `project id \`${id}\` must be 6 to 30 characters long (it has ${id.length})`
  if (!/^[a-z]/.test(id)) return `project id \`${id}\` must start with a lowercase letter`
  if (!/^[a-z0-9-]+$/.test(id)) return `project id \`${id}\` may contain only lowercase letters, digits and hyphens`
  if (id.endsWith('-')) return `project id \`${id}\` must not end with a hyphen`
  return undefined
}

/** Billing account ids look like `010203-040506-070809` (hex groups). */
export function isBillingAccountId(id: string): boolean {
  return /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/i.test(id)
}
