/**
 * `git diff` read by meaning: files, hunks and their lines. The `index`
 * line is stale in docs and the `@@` numbers drift when a doc trims
 * context; the changed lines are what a doc promises.
 */

import {align, bigramSimilarity} from './align.js'
import type {AlignItem} from './align.js'
import {isElision, splitLines, whitespaceKey} from './lines.js'
import {maskLine, maskRulesUsed} from './mask.js'
import type {MaskHit, MaskOptions} from './mask.js'
import {ToleranceLog} from './rules.js'
import type {ExtraLine, Mismatch} from './types.js'

export interface DiffLine {
  line: number
  /** ' ' context, '+' added, '-' removed, '\' "No newline at end of file". */
  kind: ' ' | '+' | '-' | '\\'
  content: string
  /** As written, marker included. */
  text: string
  key: string
  hits: MaskHit[]
  /** A context line the doc wrote without its leading space. */
  missingSpace: boolean
  elision: boolean
}

export interface DiffHunk {
  line: number
  header: string
  /** `-1,4 +1,4`: what is compared between two hunk headers. */
  range: string
}

export interface DiffFile {
  line: number
  /** Path from `diff --git a/x b/x` (or `+++ b/x`); undefined for a doc
   * that shows hunks only. */
  path?: string
  change: 'modified' | 'new file' | 'deleted' | 'renamed' | 'mode change'
  index?: {line: number; text: string}
  binary: boolean
  hunks: DiffHunk[]
  lines: DiffLine[]
  elided: boolean
}

export interface GitDiff {
  files: DiffFile[]
  /** The doc wrote a `...` line between files. */
  elided: boolean
}

/** Parse `git diff` output (or a doc's rendering of it). */
export function parseGitDiff(text: string, options: MaskOptions = {}, elisions = false): GitDiff {
  const diff: GitDiff = {files: [], elided: false}
  let file: DiffFile | undefined
  let inHunk = false
  const lines = splitLines(text).lines
  const start = (line: number, path?: string): DiffFile => {
    const created: DiffFile = {line, path, change: 'modified', binary: false, hunks: [], lines: [], elided: false}
    diff.files.push(created)
    inHunk = false
    return created
  }
  for (const [index, line] of lines.entries()) {
    const text = line.text
    let match: RegExpExecArray | null
    if (elisions && isElision(text)) {
      if (file && inHunk) file.lines.push(diffLine(line.number, ' ', '', text, false, true, options))
      else if (file) file.elided = true
      else diff.elided = true
      continue
    }
    if ((match = /^diff --git (?:"?a\/)?(.+?)"? (?:"?b\/)?(.+?)"?$/.exec(text))) {
      file = start(line.number, match[2])
      continue
    }
    const next = lines[index + 1]?.text ?? ''
    if (/^--- (?:a\/|\/dev\/null)/.test(text) && /^\+\+\+ (?:b\/|\/dev\/null)/.test(next)) {
      const path = /^\+\+\+ b\/(.+)$/.exec(next)?.[1] ?? /^--- a\/(.+)$/.exec(text)?.[1]
      // A doc may show a diff without its `diff --git` line.
      if (!file || inHunk) file = start(line.number, path)
      else file.path ??= path
      if (text === '--- /dev/null') file.change = 'new file'
      continue
    }
    if (file && !inHunk && /^\+\+\+ /.test(text)) {
      if (text === '+++ /dev/null') file.change = 'deleted'
      continue
    }
    if ((match = /^@@ -(\d+(?:,\d+)?) \+(\d+(?:,\d+)?) @@/.exec(text))) {
      file ??= start(line.number)
      file.hunks.push({line: line.number, header: text, range: `-${match[1]} +${match[2]}`})
      inHunk = true
      continue
    }
    if (file && !inHunk) {
      if (/^index /.test(text)) file.index = {line: line.number, text}
      else if (/^new file mode/.test(text)) file.change = 'new file'
      else if (/^deleted file mode/.test(text)) file.change = 'deleted'
      else if (/^rename (from|to) /.test(text)) file.change = 'renamed'
      else if (/^new mode /.test(text) && file.change === 'modified') file.change = 'mode change'
      else if (/^Binary files .* differ$/.test(text)) file.binary = true
      continue
    }
    if (!file) continue
    const marker = text[0]
    if (marker === '+' || marker === '-' || marker === '\\') {
      file.lines.push(diffLine(line.number, marker, text.slice(1), text, false, false, options))
    } else if (marker === ' ' || text === '') {
      file.lines.push(diffLine(line.number, ' ', text.slice(1), text, false, false, options))
    } else {
      file.lines.push(diffLine(line.number, ' ', text, text, true, false, options))
    }
  }
  return diff
}

/** The doc's diff with the leading space put back on context lines that
 * lost it, so that a report's diff shows only real differences. */
export function restoreContextSpaces(text: string): string {
  let inHunk = false
  return text
    .split('\n')
    .map((line) => {
      if (/^diff --git /.test(line)) inHunk = false
      else if (/^@@ /.test(line)) inHunk = true
      else if (inHunk && line !== '' && !/^[ +\-\\]/.test(line) && !isElision(line)) return ` ${line}`
      return line
    })
    .join('\n')
}

function diffLine(
  line: number,
  kind: DiffLine['kind'],
  content: string,
  text: string,
  missingSpace: boolean,
  elision: boolean,
  options: MaskOptions
): DiffLine {
  const masked = maskLine(content, options)
  // "\ No newline at end of file" is worded differently by older gits.
  const key = kind === '\\' ? '\\' : kind + whitespaceKey(masked.text)
  return {line, kind, content, text, key, hits: masked.hits, missingSpace, elision}
}

export interface DiffComparison {
  mismatches: Mismatch[]
  extraLines: ExtraLine[]
  log: ToleranceLog
}

/** Compare a doc's `git diff` with git's, by meaning. */
export function compareGitDiff(expectedText: string, actualText: string, options: MaskOptions): DiffComparison {
  const expected = parseGitDiff(expectedText, options, true)
  const actual = parseGitDiff(actualText, options)
  const log = new ToleranceLog()
  const mismatches: Mismatch[] = []
  const extraLines: ExtraLine[] = []
  const used = new Set<DiffFile>()

  for (const want of expected.files) {
    const got =
      actual.files.find((file) => !used.has(file) && want.path !== undefined && file.path === want.path) ??
      (want.path === undefined ? actual.files.find((file) => !used.has(file)) : undefined)
    const name = want.path ?? got?.path ?? '(file)'
    if (!got) {
      mismatches.push({
        message:
          actual.files.length === 0
            ? `git diff ${name}: expected changes to ${name}, but git printed no diff at all`
            : `git diff ${name}: expected changes to ${name}, but git printed none for it`,
        expectedLine: want.line,
        expected: want.path
      })
      continue
    }
    used.add(got)
    compareFile(name, want, got)
  }
  for (const got of actual.files) {
    if (used.has(got)) continue
    if (expected.elided || expected.files.some((file) => file.elided)) {
      log.add('elision', {expected: '...', actual: `changes to ${got.path}`})
      continue
    }
    mismatches.push({
      message: `git diff: git printed changes to ${got.path}, which the doc does not show`,
      actual: got.path
    })
  }
  return {mismatches, extraLines, log}

  function compareFile(name: string, want: DiffFile, got: DiffFile): void {
    const prefix = `git diff ${name}: `
    const before = mismatches.length
    if (want.change !== got.change) {
      mismatches.push({
        message: `${prefix}expected a ${want.change} change, git printed a ${got.change} change`,
        expectedLine: want.line,
        expected: want.change,
        actual: got.change
      })
    }
    if (want.binary !== got.binary) {
      mismatches.push({
        message: `${prefix}expected ${want.binary ? 'a binary' : 'a text'} diff, git printed ${got.binary ? 'a binary' : 'a text'} diff`,
        expectedLine: want.line
      })
    }
    if (want.index && got.index && want.index.text !== got.index.text) {
      log.add('stale-index-line', {expectedLine: want.index.line, expected: want.index.text, actual: got.index.text})
    }

    const items = (lines: DiffLine[]): AlignItem[] => lines.map((line) => ({key: line.key, elision: line.elision}))
    const sameKind = (left: string, right: string): number =>
      left[0] === right[0] ? bigramSimilarity(left.slice(1), right.slice(1)) : 0
    for (const step of align(items(want.lines), items(got.lines), sameKind)) {
      const wanted = 'expected' in step ? want.lines[step.expected] : undefined
      const printed = step.type === 'equal' || step.type === 'changed' || step.type === 'extra' ? got.lines[step.actual] : undefined
      if (step.type === 'equal' && wanted && printed) {
        const event = {expectedLine: wanted.line, expected: wanted.text, actual: printed.text}
        if (wanted.missingSpace) log.add('context-without-leading-space', event)
        for (const rule of maskRulesUsed(wanted.hits, printed.hits)) log.add(rule, event)
        if (wanted.content !== printed.content && maskRulesUsed(wanted.hits, printed.hits).length === 0) {
          log.add(wanted.content.includes('\t') !== printed.content.includes('\t') ? 'tabs-vs-spaces' : 'whitespace-runs', event)
        }
      } else if (step.type === 'changed') {
        mismatches.push({
          message: `${prefix}expected line \`${wanted?.text}\`, git printed \`${printed?.text}\``,
          expectedLine: wanted?.line,
          expected: wanted?.text,
          actual: printed?.text
        })
      } else if (step.type === 'missing') {
        mismatches.push({
          message: `${prefix}expected line \`${wanted?.text}\`, which git did not print`,
          expectedLine: wanted?.line,
          expected: wanted?.text
        })
      } else if (step.type === 'extra' && printed) {
        if (printed.kind === '+' || printed.kind === '-') {
          mismatches.push({
            message: `${prefix}git printed \`${printed.text}\`, which the doc does not show`,
            actual: printed.text
          })
        } else {
          extraLines.push({line: printed.text, message: `${prefix}git printed context line \`${printed.text}\`, which the doc does not show`})
        }
      } else if (step.type === 'elided') {
        log.add('elision', {expectedLine: wanted?.line, expected: wanted?.text, actual: `${step.actual.length} line(s)`})
      }
    }

    const wantRanges = want.hunks.map((hunk) => hunk.range).join(' ')
    const gotRanges = got.hunks.map((hunk) => hunk.range).join(' ')
    if (wantRanges !== gotRanges && want.hunks.length > 0) {
      const index = want.hunks.findIndex((hunk, at) => hunk.range !== got.hunks[at]?.range)
      const wantHunk = want.hunks[index === -1 ? 0 : index]
      const gotHunk = got.hunks[index === -1 ? 0 : index]
      const event = {expectedLine: wantHunk?.line, expected: wantHunk?.header, actual: gotHunk?.header ?? '(no hunk)'}
      if (mismatches.length === before) {
        log.add('hunk-header-numbers', event)
      } else {
        mismatches.push({
          message: `${prefix}expected hunk header \`${event.expected}\`, git printed \`${event.actual}\``,
          expectedLine: event.expectedLine,
          expected: event.expected,
          actual: event.actual
        })
      }
    }
  }
}
