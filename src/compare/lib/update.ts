/**
 * What an expected block should become on `--update`: the actual output,
 * without churning the doc where a line differs only in volatile parts.
 */

import {align} from './align.js'
import {detectKind} from './kind.js'
import {maskText} from './mask.js'
import type {MaskOptions} from './mask.js'
import {prepare} from './prepare.js'
import type {CompareOptions} from './types.js'

/** The same masking the comparison applies, line by line: hashes, dates,
 * durations, paths, addresses and progress lines become `<hash>`, `<date>`,
 * `<duration>`, `<tmp>`, `<sandbox>`, `<ip>`, `<port>`, `<progress>`. */
export function maskVolatile(text: string, options: MaskOptions = {}): string {
  return maskText(text, options)
}

/** The doc block to write for `actual`: lines equal to the old block after
 * masking and whitespace normalisation keep the doc's wording (its old hash,
 * its spaces where git prints tabs); `...` lines stay and keep standing for
 * the output lines they covered; other lines are the actual output. */
export function renderExpectedUpdate(oldExpected: string, actual: string, options: CompareOptions = {}): string {
  const maskOptions = {sandboxPaths: options.sandboxPaths}
  const old = prepare(oldExpected, maskOptions, true).lines
  const now = prepare(actual, maskOptions, false).lines
  const gitStatus = detectKind(oldExpected, options) === 'git-status' || detectKind(actual, {}) === 'git-status'
  const indent = gitStatus ? docIndent(oldExpected) : undefined

  const out: string[] = []
  const steps = align(
    old.map((line) => ({key: line.key, elision: line.elision})),
    now.map((line) => ({key: line.key}))
  )
  for (const step of steps) {
    if (step.type === 'equal') out.push(old[step.expected]?.text ?? '')
    else if (step.type === 'elided') out.push(old[step.expected]?.text ?? '...')
    else if (step.type === 'changed' || step.type === 'extra') {
      const text = now[step.actual]?.text ?? ''
      out.push(indent === undefined ? text : text.replace(/^\t/, indent))
    }
  }
  return out.join('\n') + (oldExpected.endsWith('\n') ? '\n' : '')
}

/** The indentation a doc uses for `git status` entries (spaces where git
 * prints a tab); four spaces when the old block has no entry. */
function docIndent(text: string): string {
  for (const line of text.split('\n')) {
    const match = /^( +)(?:new file|modified|deleted|renamed|copied|typechange):/.exec(line)
    if (match?.[1]) return match[1]
  }
  return '    '
}
