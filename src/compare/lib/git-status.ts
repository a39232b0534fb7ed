/**
 * `git status` read by meaning: branch, tracking line, sections, entries.
 * Hint lines and indentation vary between git versions and docs; the
 * entries, their sections and their states do not.
 */

import type {MaskOptions} from './mask.js'
import {prepare} from './prepare.js'
import type {PreparedLine} from './prepare.js'
import {ToleranceLog} from './rules.js'
import type {ExtraLine, Mismatch} from './types.js'

export interface StatusLine {
  line: number
  text: string
  /** Normalised meaning compared across git versions. */
  meaning: string
}

export interface StatusEntry {
  line: number
  section: string
  /** `modified`, `new file`, `deleted`, `renamed`, ..., or `untracked`. */
  state: string
  path: string
  /** Leading whitespace as written (a tab from git, spaces in docs). */
  indent: string
}

export interface GitStatus {
  branch?: StatusLine
  tracking?: StatusLine
  sections: StatusLine[]
  entries: StatusEntry[]
  footer?: StatusLine
  hints: StatusLine[]
  /** Lines of no known shape, compared as text. */
  other: PreparedLine[]
  /** The doc wrote a `...` line: entries it does not show are accepted. */
  elided: boolean
}

const sectionTitles = new Map([
  ['changes to be committed', 'Changes to be committed'],
  ['changes not staged for commit', 'Changes not staged for commit'],
  ['untracked files', 'Untracked files'],
  ['unmerged paths', 'Unmerged paths'],
  ['ignored files', 'Ignored files']
])

const entryPattern =
  /^(\s*)(new file|modified|deleted|renamed|copied|typechange|both modified|both added|both deleted|added by us|added by them|deleted by us|deleted by them|unmerged):\s+(.+?)(?:\s+\((?:new commits|modified content|untracked content)[^)]*\))?$/

/** Parse `git status` long-format output (or a doc's rendering of it). */
export function parseGitStatus(text: string, options: MaskOptions = {}, elisions = false): GitStatus {
  const status: GitStatus = {sections: [], entries: [], hints: [], other: [], elided: false}
  let section = ''
  for (const line of prepare(text, options, elisions).lines) {
    const content = line.text.trim()
    if (content === '') continue
    if (line.elision) {
      status.elided = true
      continue
    }
    const at = (meaning: string): StatusLine => ({line: line.number, text: content, meaning})
    let match: RegExpExecArray | null
    if ((match = /^(On branch \S+|HEAD detached (?:at|from) \S+|Not currently on any branch\.)$/.exec(content))) {
      status.branch = at(line.key.trim())
    } else if (/^Your branch /.test(content)) {
      status.tracking = at(content.replace('up-to-date', 'up to date'))
    } else if (/^and have \d+ and \d+ different commits/.test(content) && status.tracking) {
      status.tracking.meaning += ` ${content}`
    } else if ((match = /^([A-Za-z ]+):$/.exec(content)) && sectionTitles.has(match[1]?.toLowerCase() ?? '')) {
      section = sectionTitles.get(match[1]?.toLowerCase() ?? '') ?? ''
      status.sections.push(at(section))
    } else if (/^\(.*\)$/.test(content)) {
      status.hints.push(at(content))
    } else if (/^(nothing to commit|no changes added to commit|nothing added to commit)/.test(content)) {
      status.footer = at(footerMeaning(content))
    } else if ((match = entryPattern.exec(line.text))) {
      status.entries.push({
        line: line.number,
        section,
        state: match[2] ?? '',
        path: match[3] ?? '',
        indent: match[1] ?? ''
      })
    } else if (section === 'Untracked files' || section === 'Ignored files') {
      status.entries.push({
        line: line.number,
        section,
        state: section === 'Untracked files' ? 'untracked' : 'ignored',
        path: content,
        indent: /^\s*/.exec(line.text)?.[0] ?? ''
      })
    } else {
      status.other.push(line)
    }
  }
  return status
}

// The footer's parenthesised hint changed across git versions; its meaning
// did not.
function footerMeaning(text: string): string {
  if (/^nothing to commit, working (tree|directory) clean/.test(text)) return 'nothing to commit, working tree clean'
  if (/^nothing to commit \(create/.test(text)) return 'nothing to commit (no files)'
  if (/^nothing to commit/.test(text)) return 'nothing to commit, working tree clean'
  if (/^no changes added to commit/.test(text)) return 'no changes added to commit'
  return 'nothing added to commit but untracked files present'
}

function show(entry: StatusEntry): string {
  return entry.state === 'untracked' || entry.state === 'ignored' ? entry.path : `${entry.state}: ${entry.path}`
}

function under(entry: StatusEntry): string {
  return entry.section ? ` under '${entry.section}'` : ''
}

export interface StatusComparison {
  mismatches: Mismatch[]
  extraLines: ExtraLine[]
  log: ToleranceLog
}

/** Compare a doc's `git status` with git's, by meaning. */
export function compareGitStatus(expectedText: string, actualText: string, options: MaskOptions): StatusComparison {
  const expected = parseGitStatus(expectedText, options, true)
  const actual = parseGitStatus(actualText, options)
  const log = new ToleranceLog()
  const mismatches: Mismatch[] = []
  const extraLines: ExtraLine[] = []

  compareLine('branch line', expected.branch, actual.branch)
  compareLine('tracking line', expected.tracking, actual.tracking)
  compareLine('summary line', expected.footer, actual.footer)

  const used = new Set<StatusEntry>()
  for (const want of expected.entries) {
    const candidates = actual.entries.filter((got) => !used.has(got) && got.path === want.path)
    const got =
      candidates.find((entry) => entry.section === want.section && entry.state === want.state) ??
      candidates.find((entry) => entry.section === want.section || !want.section) ??
      candidates[0]
    if (!got) {
      mismatches.push({
        message: `git status: expected \`${show(want)}\`${under(want)}, but git did not list ${want.path}`,
        expectedLine: want.line,
        expected: show(want)
      })
      continue
    }
    used.add(got)
    const sameSection = got.section === want.section || !want.section
    if (sameSection && got.state === want.state) {
      if (got.indent !== want.indent) {
        log.add('tabs-vs-spaces', {expectedLine: want.line, expected: JSON.stringify(want.indent), actual: JSON.stringify(got.indent)})
      }
      continue
    }
    const printed = sameSection
      ? `git printed \`${show(got)}\``
      : got.state === want.state
        ? `git printed it${under(got)}`
        : `git printed \`${show(got)}\`${under(got)}`
    mismatches.push({
      message: `git status: expected \`${show(want)}\`${under(want)}, but ${printed}`,
      expectedLine: want.line,
      expected: show(want),
      actual: show(got)
    })
  }
  for (const got of actual.entries) {
    if (used.has(got)) continue
    if (expected.elided) {
      log.add('elision', {expected: '...', actual: show(got)})
      continue
    }
    mismatches.push({
      message: `git status: git printed \`${show(got)}\`${under(got)}, which the doc does not show`,
      actual: show(got)
    })
  }

  for (const title of expected.sections) {
    const hasEntries = expected.entries.some((entry) => entry.section === title.meaning)
    if (!hasEntries && !actual.sections.some((got) => got.meaning === title.meaning)) {
      mismatches.push({
        message: `git status: expected a '${title.meaning}' section, which git did not print`,
        expectedLine: title.line,
        expected: title.text
      })
    }
  }

  const order = (status: GitStatus): string =>
    status.entries.filter((entry) => expected.entries.some((want) => want.path === entry.path)).map(show).join('\n')
  if (mismatches.length === 0 && order(expected) !== order(actual)) log.add('git-status-entry-order')

  const expectedHints = expected.hints.map((hint) => hint.text)
  const actualHints = actual.hints.map((hint) => hint.text)
  if (expectedHints.join('\n') !== actualHints.join('\n')) {
    const index = expectedHints.findIndex((hint, at) => hint !== actualHints[at])
    const at = index === -1 ? expectedHints.length : index
    log.add('git-status-hints', {
      expectedLine: expected.hints[at]?.line,
      expected: expectedHints[at] ?? '(none)',
      actual: actualHints[at] ?? '(none)'
    })
  }

  const actualOther = [...actual.other]
  for (const want of expected.other) {
    const found = actualOther.findIndex((got) => got.key === want.key)
    if (found === -1) {
      mismatches.push({
        message: `git status: expected line \`${want.text}\`, which git did not print`,
        expectedLine: want.number,
        expected: want.text
      })
    } else {
      actualOther.splice(found, 1)
    }
  }
  for (const got of actualOther) {
    extraLines.push({line: got.text, message: `git status: git printed \`${got.text}\`, which the doc does not show`})
  }
  return {mismatches, extraLines, log}

  function compareLine(what: string, want: StatusLine | undefined, got: StatusLine | undefined): void {
    if (want && got && want.meaning !== got.meaning) {
      mismatches.push({
        message: `git status: expected \`${want.text}\`, git printed \`${got.text}\``,
        expectedLine: want.line,
        expected: want.text,
        actual: got.text
      })
    } else if (want && !got) {
      mismatches.push({
        message: `git status: expected the ${what} \`${want.text}\`, which git did not print`,
        expectedLine: want.line,
        expected: want.text
      })
    } else if (!want && got) {
      extraLines.push({line: got.text, message: `git status: git printed the ${what} \`${got.text}\`, which the doc does not show`})
    }
  }
}
