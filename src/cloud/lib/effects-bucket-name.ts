/** Result of {@link validateBucketName}. */
export interface BucketNameCheck {
  valid: boolean
  /** Each broken rule, in plain words. */
  problems: string[]
  /** One line for a report, empty when valid. */
  message: string
}

/**
 * Check a bucket name against Cloud Storage naming rules (the ones a
 * learner's example value can break): 3-63 characters (dotted names: 222,
 * each dot-separated part <= 63), lowercase letters, digits, `-`, `_`, `.`,
 * starting and ending with a letter or digit, not an IP address, no `goog`
 * prefix and no `google`.
 */
export function validateBucketName(name: string): BucketNameCheck {
  const problems: string[] = []
  const dotted = name.includes('.')
  const max = dotted ? 222 : 63
  if (name.length < 3 || name.length > max) problems.push(`it must be 3 to ${max} characters long (it has ${name.length})`)
  if (dotted && name.split('.').some((part) => part.length > 63)) problems.push('each dot-separated part must be at most 63 characters')
  const bad = [...new Set(name.replace(/[a-z0-9_.-]/g, ''))]
  if (bad.length) {
    const upper = bad.some((c) => c !== c.toLowerCase())
    problems.push(`it may contain only lowercase letters, digits, \`-\`, \`_\` and \`.\` (found ${bad.map((c) => `\`${c}\``).join(', ')}${upper ? '; use lowercase' : ''})`)
  }
  if (name && !/^[a-z0-9]/.test(name)) problems.push('it must start with a letter or digit')
  if (name && !/[a-z0-9]$/.test(name)) problems.push('it must end with a letter or digit')
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) problems.push('it must not look like an IP address')
  if (name.startsWith('goog')) problems.push('it must not start with `goog`')
  if (/google|g00gle/.test(name)) problems.push('it must not contain `google` or a close misspelling')
  if (dotted && /\.\.|\.-|-\./.test(name)) problems.push('dots must not be next to another dot or a hyphen')
  return {
    valid: problems.length === 0,
    problems,
    message: problems.length ? `bucket name \`${name}\` breaks GCS naming rules: ${problems.join('; ')}` : ''
  }
}
