/**
 * Lines ready to compare: terminal text, masked, whitespace-normalised.
 */

import {isElision, splitLines, whitespaceKey} from './lines.js'
import {maskLine, maskRulesUsed} from './mask.js'
import type {MaskHit, MaskOptions} from './mask.js'
import type {ToleranceLog} from './rules.js'

export interface PreparedLine {
  /** 1-based line number in its text. */
  number: number
  /** Terminal text, trailing whitespace removed. */
  text: string
  /** Whether the line had trailing whitespace. */
  trailing: boolean
  /** `text` with volatile parts masked. */
  masked: string
  /** What equality is decided on. */
  key: string
  hits: MaskHit[]
  elision: boolean
}

export interface PreparedText {
  lines: PreparedLine[]
  crlf: boolean
  redrawn: boolean
  ansi: boolean
}

/** Prepare a text for comparison; `elisions` says whether `...` lines are
 * elisions (in the doc) or plain text (in the output). */
export function prepare(text: string, options: MaskOptions, elisions: boolean): PreparedText {
  const split = splitLines(text)
  const lines = split.lines.map((line): PreparedLine => {
    const masked = maskLine(line.text, options)
    const shown = line.raw.includes('\r') ? line.raw.split('\r').filter(Boolean).at(-1) ?? '' : line.raw
    return {
      number: line.number,
      text: line.text,
      trailing: shown !== line.text,
      masked: masked.text,
      key: whitespaceKey(masked.text),
      hits: masked.hits,
      elision: elisions && isElision(line.text)
    }
  })
  return {lines, crlf: split.crlf, redrawn: split.redrawn, ansi: split.ansi}
}

/** Log the rules that made two lines with equal keys equal. */
export function explainPair(expected: PreparedLine, actual: PreparedLine, log: ToleranceLog): void {
  const event = {expectedLine: expected.number, expected: expected.text, actual: actual.text}
  if (expected.trailing !== actual.trailing) log.add('trailing-whitespace', event)
  if (expected.masked !== actual.masked) {
    const tabs = expected.masked.includes('\t') !== actual.masked.includes('\t')
    log.add(tabs ? 'tabs-vs-spaces' : 'whitespace-runs', event)
  }
  for (const rule of maskRulesUsed(expected.hits, actual.hits)) log.add(rule, event)
}

/** Log text-level rules (line endings, redraws) for a pair of texts. */
export function explainTexts(expected: PreparedText, actual: PreparedText, log: ToleranceLog): void {
  if (expected.crlf !== actual.crlf) log.add('crlf')
  if (actual.redrawn) log.add('carriage-return')
  if (actual.ansi) log.add('ansi-escapes')
}
