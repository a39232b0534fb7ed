/**
 * Placeholders a learner must replace: `<my project id>`, `<my_project_id>`,
 * `<your git repository url>`, `<EXTERNAL-IP>`. Not placeholders: `<`
 * redirects, HTML tags, generics (`List<int>`) and search tokens of `sed`
 * expressions (`s/<docker_image>/.../`).
 */
const htmlTags = new Set(
  'a abbr b blockquote body br button code dd details div dl dt em figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input kbd label li link main meta nav ol option p pre script section select small source span strong style sub summary sup table tbody td template textarea th thead title tr u ul video audio svg path'.split(' ')
)

/** Lowercase, `_` / `-` / spaces to single spaces, angle brackets dropped. */
export function normalizeKey(raw: string): string {
  return raw
    .replace(/^<|>$/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim()
}

export interface PlaceholderMatch {
  raw: string
  key: string
  /** 0-based line within the text. */
  lineIndex: number
  /** 0-based column within that line of the text. */
  index: number
}

const candidate = /<([A-Za-z][A-Za-z0-9 _-]*[A-Za-z0-9]|[A-Za-z])>/g

/** Placeholders in a block's text, in order of appearance. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const matches: PlaceholderMatch[] = []
  const lines = text.split('\n')
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!
    for (const match of line.matchAll(candidate)) {
      const index = match.index
      const inner = match[1]!
      const before = line.slice(0, index)
      if (/[\w<]$/.test(before)) continue // generics, `<<`
      if (!/[\s_-]/.test(inner) && inner === inner.toLowerCase() && htmlTags.has(inner)) continue
      // A sed search token (`s/<x>/`, address `/<x>/`) is text to find, not a value to fill in.
      if (/\bsed\b/.test(before) && (/(?:^|[\s"';])s[/|#,:]$/.test(before) || /[\s"']\/$/.test(before))) continue
      matches.push({raw: match[0], key: normalizeKey(inner), lineIndex, index})
    }
  }
  return matches
}
