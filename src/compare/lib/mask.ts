/**
 * Masking of volatile parts (hashes, dates, durations, paths, addresses):
 * what makes an output "similar to" the doc rather than equal to it.
 */

export interface MaskOptions {
  /** Absolute sandbox paths to replace by `<sandbox>`. */
  sandboxPaths?: string[]
}

/** One masked span: which rule replaced which text. */
export interface MaskHit {
  rule: string
  match: string
}

export interface MaskedLine {
  text: string
  hits: MaskHit[]
}

interface MaskRule {
  name: string
  pattern: RegExp
  replace: string
}

const weekday = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const month = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)'
const zone = '(?:Z|\\s?[+-]\\d{2}:?\\d{2}|\\s?(?:UTC|GMT|[A-Z]{2,3}T))?'
const clock = '\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?'

// Order matters: specific shapes first, so that a date's digits or a DVC
// md5 are named by their own rule and not caught by a broader one.
const rules: MaskRule[] = [
  {
    name: 'temp-path',
    pattern: /(?:\/private)?\/(?:tmp|var\/folders)\/[^\s'"`,;)\]]*/g,
    replace: '<tmp>'
  },
  {
    name: 'stale-index-line',
    pattern: /^index [0-9a-f]{7,40}\.\.[0-9a-f]{7,40}(?: [0-7]{6})?$/g,
    replace: 'index <index>'
  },
  {
    name: 'dvc-md5',
    pattern: /\b(md5|etag|checksum|hash)(:\s*|=|\s)(['"]?)[0-9a-f]{32}/g,
    replace: '$1$2$3<md5>'
  },
  {
    name: 'short-hash',
    pattern: /^\[([^\s\]]+(?: \(root-commit\))?) [0-9a-f]{7,40}\]/g,
    replace: '[$1 <hash>]'
  },
  {
    name: 'date-time',
    pattern: new RegExp(
      [
        // ISO 8601: 2026-11-22, 2026-11-22T22:13:15.123Z
        `\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]${clock}${zone})?`,
        // RFC 2822: Sun, 22 Nov 2026 22:13:15 +0000
        `\\b${weekday}, \\d{1,2} ${month} \\d{4} ${clock}${zone}`,
        // ctime / git log: Sun Nov 22 22:13:15 2026 +0100
        `\\b${weekday} ${month} {1,2}\\d{1,2} ${clock}(?: (?:UTC|GMT|[A-Z]{2,3}T))?(?: \\d{4})?(?: [+-]\\d{4})?`,
        // a bare clock time with seconds: 22:13:15
        `\\b\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b`
      ].join('|'),
      'g'
    ),
    replace: '<date>'
  },
  {
    name: 'commit-id',
    // Hex with at least one digit and one letter, so words ("defaced") and
    // plain numbers are left alone; up to 64 digits for sha256 digests.
    pattern: /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b/g,
    replace: '<hash>'
  },
  {
    name: 'duration',
    pattern:
      /\b\d:\d{2}:\d{2}(?:\.\d+)?\b|\b\d+m\d+(?:\.\d+)?s\b|\b\d+(?:\.\d+)?\s?(?:ms|µs|us|ns|s|secs?|seconds?|mins?|minutes?|h|hours?)\b/g,
    replace: '<duration>'
  },
  {
    name: 'ip-address',
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
    replace: '<ip>'
  },
  {
    name: 'port',
    pattern: /(<ip>|\blocalhost|\[::1?\]):\d{2,5}\b/g,
    replace: '$1:<port>'
  },
  {name: 'port', pattern: /\b([Pp]ort) \d{2,5}\b/g, replace: '$1 <port>'}
]

/** Names of the masking rules, in the order they apply. */
export const maskRuleNames: readonly string[] = [
  'progress',
  'sandbox-path',
  ...new Set(rules.map((rule) => rule.name))
]

const progressBar = /[#=█▉▊▋▌▍▎▏━─■]{3,}|\|[^|]*\||\bit\/s\b|[kMG]?i?B\/s\b|\beta\b|\d+\/\d+/i
const percent = /\b\d{1,3}(?:\.\d+)?\s?%/

/** A progress line: a percentage with a bar, a rate, an ETA or an `n/m`
 * counter, or a percentage with at most three words around it. */
function isProgress(text: string): boolean {
  if (!percent.test(text)) return false
  if (progressBar.test(text)) return true
  return text.replace(percent, ' ').trim().split(/\s+/).filter(Boolean).length <= 3
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Mask the volatile parts of one line (already freed of its line ending). */
export function maskLine(text: string, options: MaskOptions = {}): MaskedLine {
  if (isProgress(text)) {
    return {text: '<progress>', hits: [{rule: 'progress', match: text.trim()}]}
  }
  const hits: MaskHit[] = []
  let result = text
  const sandboxes = [...(options.sandboxPaths ?? [])]
    .filter((path) => path.length > 1)
    .sort((a, b) => b.length - a.length)
  for (const path of sandboxes) {
    const pattern = new RegExp(escapeRegExp(path.replace(/\/+$/, '')), 'g')
    result = result.replace(pattern, (match) => {
      hits.push({rule: 'sandbox-path', match})
      return '<sandbox>'
    })
  }
  for (const rule of rules) {
    rule.pattern.lastIndex = 0
    result = result.replace(rule.pattern, (...args: unknown[]) => {
      const match = String(args[0])
      hits.push({rule: rule.name, match})
      return expand(rule.replace, args)
    })
  }
  return {text: result, hits}
}

// `String.replace` with a callback does not expand `$1`; do it by hand so a
// rule can keep its prefix (`md5: <md5>`).
function expand(template: string, args: unknown[]): string {
  return template.replace(/\$(\d)/g, (_, digit: string) => {
    const group = args[Number(digit)]
    return typeof group === 'string' ? group : ''
  })
}

/** Mask the volatile parts of a whole text, line by line, keeping its line
 * structure: what `--update` and the report show. */
export function maskText(text: string, options: MaskOptions = {}): string {
  return text
    .split('\n')
    .map((line) => {
      const cr = line.endsWith('\r') ? '\r' : ''
      const body = cr ? line.slice(0, -1) : line
      return maskLine(body, options).text + cr
    })
    .join('\n')
}

/** The rules whose masked spans differ between two lines that are equal
 * after masking: why they were accepted as similar. */
export function maskRulesUsed(expected: MaskHit[], actual: MaskHit[]): string[] {
  const names = new Set([...expected, ...actual].map((hit) => hit.rule))
  const used: string[] = []
  for (const name of names) {
    const left = expected.filter((hit) => hit.rule === name).map((hit) => hit.match)
    const right = actual.filter((hit) => hit.rule === name).map((hit) => hit.match)
    if (left.join('\u0000') !== right.join('\u0000')) used.push(name)
  }
  return used
}
