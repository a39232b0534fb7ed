import type {AppliedStandIn, StandIn} from '../../config/index.js'

/** A command as written: its first line and all its `\` continuation lines. */
interface LogicalLine {
  start: number
  end: number
  text: string
}

function logicalLines(lines: readonly string[]): LogicalLine[] {
  const out: LogicalLine[] = []
  for (let start = 0; start < lines.length; start++) {
    let end = start
    while (end < lines.length - 1 && (lines[end] ?? '').endsWith('\\')) end++
    out.push({start, end, text: lines.slice(start, end + 1).join('\n')})
    start = end
  }
  return out
}

/** Continuations and runs of whitespace collapsed: how a literal compares. */
function normalise(command: string): string {
  return command.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim()
}

function matcher(match: string): (command: string) => boolean {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(match)
  if (regex) {
    const pattern = new RegExp(regex[1] ?? '', regex[2])
    return (command) => pattern.test(command)
  }
  const literal = normalise(match)
  return (command) => command === literal
}

/** Bash `$'...'` quoting, so a multi-line replacement stays on one line. */
function ansiQuote(text: string): string {
  return `$'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
}

/**
 * Rewrite the command lines of a block that a stand-in matches: run
 * something else instead, or skip with a reason. Line numbers are kept (a
 * multi-line replacement is folded into one `eval` line, a matched
 * continuation's other lines become empty), so the runner's line reports
 * still point into the doc. Every rewrite is listed in `applied`: nothing
 * is skipped silently. Comments and blank lines are never matched. A line
 * matches in its filled form or as the doc writes it.
 */
export function applyStandIns(
  commandText: string,
  standIns: readonly StandIn[],
  /** The block as the doc writes it (placeholders not filled): a `match`
   * copied from the doc (`git clone <your git repository url>`) matches it. */
  docText?: string
): {text: string; applied: AppliedStandIn[]} {
  const lines = commandText.split('\n')
  const docLines = docText?.split('\n')
  const asWritten = docLines && docLines.length === lines.length ? docLines : undefined
  const tests = standIns.map((standIn) => ({standIn, test: matcher(standIn.match)}))
  const applied: AppliedStandIn[] = []
  for (const logical of logicalLines(lines)) {
    const command = normalise(logical.text)
    if (command === '' || command.startsWith('#')) continue
    const written = asWritten ? normalise(asWritten.slice(logical.start, logical.end + 1).join('\n')) : undefined
    const hit = tests.find(({test}) => test(command) || (written !== undefined && written !== command && test(written)))
    if (!hit) continue
    const {standIn} = hit
    const replacement = standIn.skip ? null : (standIn.run ?? null)
    const indent = /^\s*/.exec(logical.text)?.[0] ?? ''
    lines[logical.start] =
      replacement === null
        ? `${indent}: docs-verify skipped this line`
        : `${indent}${replacement.includes('\n') ? `eval ${ansiQuote(replacement)}` : replacement}`
    for (let index = logical.start + 1; index <= logical.end; index++) lines[index] = ''
    applied.push({line: logical.start + 1, original: logical.text, replacement, reason: standIn.reason})
  }
  return {text: lines.join('\n'), applied}
}
