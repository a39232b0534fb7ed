/**
 * `compareOutput`: is a command's output "similar to" the doc's block?
 */

import {compareGitDiff, parseGitDiff, restoreContextSpaces} from './git-diff.js'
import {compareGitStatus} from './git-status.js'
import {compareJson, parseJson} from './compare-json.js'
import {compareText} from './compare-text.js'
import {detectKind, lastCommand, programOf} from './kind.js'
import {prepare} from './prepare.js'
import {ToleranceLog} from './rules.js'
import type {CompareOptions, Comparison, ComparisonKind, ExtraLine, Mismatch} from './types.js'
import {unifiedDiff} from './unified-diff.js'

interface Outcome {
  kind: ComparisonKind
  mismatches: Mismatch[]
  extraLines: ExtraLine[]
  log: ToleranceLog
}

/** Compare a command's actual output with the doc's expected block. Pure:
 * never runs anything, never throws on odd input. */
export function compareOutput(expected: string, actual: string, options: CompareOptions = {}): Comparison {
  const maskOptions = {sandboxPaths: options.sandboxPaths}
  const kind = detectKind(expected, options)
  let outcome: Outcome
  try {
    outcome = compareByKind(kind, expected, actual, options)
  } catch (error) {
    // A comparison bug must not stop a whole chapter's run: report it as a
    // mismatch of this block instead.
    outcome = {
      kind,
      mismatches: [
        {message: `could not compare this block (${String(error)}); compare it by hand and report the bug to docs-verify`}
      ],
      extraLines: [],
      log: new ToleranceLog()
    }
  }
  const failOnExtra = options.policy?.extraLines === 'fail'
  return {
    ok: outcome.mismatches.length === 0 && !(failOnExtra && outcome.extraLines.length > 0),
    kind: outcome.kind,
    mismatches: outcome.mismatches,
    tolerated: outcome.log.list(),
    extraLines: outcome.extraLines,
    diff: safeDiff(outcome.kind === 'git-diff' ? restoreContextSpaces(expected) : expected, actual, maskOptions)
  }
}

function safeDiff(expected: string, actual: string, options: {sandboxPaths?: string[]}): string {
  try {
    return renderDiff(expected, actual, options)
  } catch {
    return ''
  }
}

function compareByKind(kind: ComparisonKind, expected: string, actual: string, options: CompareOptions): Outcome {
  const maskOptions = {sandboxPaths: options.sandboxPaths}
  if (kind === 'git-status') {
    return {kind, ...compareGitStatus(expected, actual, maskOptions)}
  }
  if (kind === 'git-diff') {
    // A block that only looks like a diff to its fence (no file, no hunk)
    // is read as text.
    if (parseGitDiff(expected, maskOptions, true).files.length > 0) {
      return {kind, ...compareGitDiff(expected, actual, maskOptions)}
    }
    kind = 'text'
  }
  if (kind === 'json') {
    const want = parseJson(expected)
    const got = parseJson(actual)
    if (want && got) {
      const outcome = compareJson(expected, want.value, got.value, {...maskOptions, ...(options.numbers ? {numbers: options.numbers} : {})})
      if (expected.trim() !== actual.trim()) outcome.log.add('json-structure')
      return {kind, ...outcome}
    }
  }
  const printer = programOf(options.command === undefined ? undefined : lastCommand(options.command))
  return {kind: 'text', ...compareText(expected, actual, {...maskOptions, printer, ...(options.numbers ? {numbers: options.numbers} : {})})}
}

function renderDiff(expected: string, actual: string, options: {sandboxPaths?: string[]}): string {
  const side = (text: string, elisions: boolean) => {
    const lines = prepare(text, options, elisions).lines
    return {lines: lines.map((line) => line.masked), keys: lines.map((line) => line.key)}
  }
  return unifiedDiff(side(expected, true), side(actual, false))
}
