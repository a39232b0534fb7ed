/**
 * The info string after a fence's language, pymdownx style:
 * `title="requirements.txt" hl_lines="4 9-11" linenums="1"`.
 */
export interface FenceMeta {
  title?: string
  /** `hl_lines` expanded, sorted, unique. */
  hlLines: number[]
  attributes: Record<string, string>
}

/** Read `key="value"` / `key='value'` / `key=value` pairs from fence meta. */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const attributes: Record<string, string> = {}
  const pattern = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+))/g
  for (const match of (meta ?? '').matchAll(pattern)) {
    attributes[match[1]!] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  const result: FenceMeta = {hlLines: parseHlLines(attributes.hl_lines ?? ''), attributes}
  if (attributes.title !== undefined) result.title = attributes.title
  return result
}

/** `"4"`, `"2-5"`, `"9-11 16-17"` -> line numbers within the block. */
export function parseHlLines(value: string): number[] {
  const lines = new Set<number>()
  for (const part of value.split(/[\s,]+/)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!range) continue
    const from = Number(range[1])
    const to = range[2] === undefined ? from : Number(range[2])
    // A reversed or absurd range is a typo in the doc, not a reason to loop.
    for (let line = from; line <= to && line - from < 10_000; line++) lines.add(line)
  }
  return [...lines].sort((a, b) => a - b)
}
