/**
 * The named rules that let an output be "similar to" the doc. Every
 * tolerated difference in a comparison names one of these; each one has a
 * section in docs/reference/comparing-output.md.
 */

export const ruleSummaries: Readonly<Record<string, string>> = {
  'crlf': 'CRLF line endings read as LF',
  'carriage-return': 'a line redrawn with a bare carriage return read as its last redraw',
  'ansi-escapes': 'ANSI colour and cursor sequences removed',
  'trailing-whitespace': 'trailing whitespace ignored',
  'tabs-vs-spaces': 'tabs and spaces compared as the same whitespace',
  'whitespace-runs': 'runs of spaces (column alignment) compared as one space',
  'blank-lines': 'blank lines not compared',
  'elision': 'a `...` line in the doc stands for any number of output lines',
  'progress': 'progress bars and percentage lines masked',
  'sandbox-path': 'sandbox paths masked',
  'temp-path': 'temporary paths masked',
  'stale-index-line': 'diff `index` lines masked (their hashes are stale in docs)',
  'dvc-md5': 'DVC md5 hashes masked',
  'short-hash': 'short commit hashes in `[branch abc1234]` masked',
  'date-time': 'dates and times masked',
  'commit-id': 'commit ids and other hex hashes masked',
  'duration': 'durations masked',
  'ip-address': 'IP addresses masked',
  'port': 'port numbers masked',
  'git-status-hints': 'git status hint lines `(use "git ...")` differ between git versions',
  'git-status-entry-order': 'git status entries compared as a set within a section',
  'hunk-header-numbers': 'diff `@@` line numbers ignored when the changed lines match',
  'context-without-leading-space': 'a diff context line written without its leading space read as context',
  'json-structure': 'JSON compared as parsed values, not as text',
  'numbers': 'decimal numbers within the configured tolerance'
}

interface Event {
  expectedLine?: number
  expected?: string
  actual?: string
}

/** Collects tolerated differences and reports one entry per rule. */
export class ToleranceLog {
  readonly #events = new Map<string, Event[]>()

  add(rule: string, event: Event = {}): void {
    const events = this.#events.get(rule) ?? []
    events.push(event)
    this.#events.set(rule, events)
  }

  has(rule: string): boolean {
    return this.#events.has(rule)
  }

  list(): {rule: string; message: string}[] {
    return [...this.#events].map(([rule, events]) => {
      const summary = ruleSummaries[rule] ?? rule
      const first = events[0] ?? {}
      let message = summary
      if (first.expected !== undefined && first.actual !== undefined) {
        const where = first.expectedLine ? `expected line ${first.expectedLine}: ` : ''
        message += ` (${where}\`${first.expected}\` vs \`${first.actual}\``
        message += events.length > 1 ? `, and ${events.length - 1} more)` : ')'
      } else if (events.length > 1) {
        message += ` (${events.length} times)`
      }
      return {rule, message}
    })
  }
}
