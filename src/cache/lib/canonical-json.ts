/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members
 * dropped as `JSON.stringify` drops them. Two plans that differ only in key
 * order must hash the same, or every reordering in the extractor would
 * invalidate the whole cache.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value)
  return text === undefined ? 'null' : text
}

function encode(value: unknown): string | undefined {
  if (value === null) return 'null'
  if (typeof value === 'object' && typeof (value as {toJSON?: unknown}).toJSON === 'function') {
    return encode((value as {toJSON: () => unknown}).toJSON())
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'bigint':
      return JSON.stringify(value.toString())
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
    default:
      break
  }
  if (Array.isArray(value)) {
    return '[' + value.map((item) => encode(item) ?? 'null').join(',') + ']'
  }
  const record = value as Record<string, unknown>
  const members: string[] = []
  for (const name of Object.keys(record).sort()) {
    const member = encode(record[name])
    if (member !== undefined) members.push(JSON.stringify(name) + ':' + member)
  }
  return '{' + members.join(',') + '}'
}
