/**
 * Line-by-line comparison, after masking, with `...` elisions: the doc's
 * lines must appear in the output, in order.
 */

import {align} from './align.js'
import type {AlignItem} from './align.js'
import type {MaskOptions} from './mask.js'
import {explainPair, explainTexts, prepare} from './prepare.js'
import type {PreparedLine} from './prepare.js'
import {ToleranceLog} from './rules.js'
import {compareDecimals, describeTolerance, withoutDecimals} from './numbers.js'
import type {NumberTolerance} from './numbers.js'
import type {ExtraLine, Mismatch} from './types.js'

export interface LineComparison {
  mismatches: Mismatch[]
  extraLines: ExtraLine[]
  log: ToleranceLog
}

/** Compare two texts line by line. `printer` names who printed the output
 * in messages ("git", "dvc"); `label` prefixes them. */
export function compareText(
  expectedText: string,
  actualText: string,
  options: MaskOptions & {printer?: string; label?: string; numbers?: NumberTolerance},
  log: ToleranceLog = new ToleranceLog()
): LineComparison {
  const expected = prepare(expectedText, options, true)
  const actual = prepare(actualText, options, false)
  explainTexts(expected, actual, log)
  const expectedLines = significant(expected.lines)
  const actualLines = collapseProgress(significant(actual.lines))
  if (expected.lines.length - expectedLines.length !== actual.lines.length - significant(actual.lines).length) {
    log.add('blank-lines')
  }
  const printed = options.printer ? `${options.printer} printed` : 'the output has'
  const prefix = options.label ? `${options.label}: ` : ''

  const mismatches: Mismatch[] = []
  const extraLines: ExtraLine[] = []
  const numbers = options.numbers
  // With a tolerance, lines that differ only in decimal numbers align, and
  // their numbers are then compared one by one.
  const keyOf = (line: PreparedLine): string => (numbers ? withoutDecimals(line.key) : line.key)
  const items = (lines: PreparedLine[]): AlignItem[] =>
    lines.map((line) => ({key: keyOf(line), elision: line.elision}))
  for (const step of align(items(expectedLines), items(actualLines))) {
    const want = 'expected' in step ? expectedLines[step.expected] : undefined
    const got = step.type === 'equal' || step.type === 'changed' || step.type === 'extra' ? actualLines[step.actual] : undefined
    switch (step.type) {
      case 'equal': {
        if (!want || !got) break
        if (numbers && want.key !== got.key) {
          const decimals = compareDecimals(want.masked, got.masked, numbers)
          if (decimals.outside) {
            const {expected, actual} = decimals.outside
            mismatches.push({
              message: `${prefix}expected line \`${want.text}\`, ${printed} \`${got.text}\`: ${actual} is not within the tolerance (${describeTolerance(numbers)}) of ${expected}`,
              expectedLine: want.number,
              expected: want.text,
              actual: got.text
            })
            break
          }
          for (const pair of decimals.tolerated) log.add('numbers', {expectedLine: want.number, expected: pair.expected, actual: pair.actual})
          if (withoutDecimals(want.masked) !== withoutDecimals(got.masked) || decimals.tolerated.length === 0) explainPair(want, got, log)
          break
        }
        explainPair(want, got, log)
        break
      }
      case 'changed':
        mismatches.push({
          message: `${prefix}expected line \`${want?.text}\`, ${printed} \`${got?.text}\``,
          expectedLine: want?.number,
          expected: want?.text,
          actual: got?.text
        })
        break
      case 'missing':
        mismatches.push({
          message: `${prefix}expected line \`${want?.text}\`, which is not in the output`,
          expectedLine: want?.number,
          expected: want?.text
        })
        break
      case 'extra':
        extraLines.push({
          line: got?.text ?? '',
          message: `${prefix}${printed} \`${got?.text}\`, which the doc does not show`
        })
        break
      case 'elided':
        log.add('elision', {
          expectedLine: want?.number,
          expected: want?.text,
          actual: `${step.actual.length} line(s)`
        })
        break
    }
  }
  return {mismatches, extraLines, log}
}

/** Blank lines carry no promise in a doc block; drop them. */
function significant(lines: PreparedLine[]): PreparedLine[] {
  return lines.filter((line) => line.text.trim() !== '')
}

/** A progress bar redrawn on many lines reads as one progress line. */
function collapseProgress(lines: PreparedLine[]): PreparedLine[] {
  return lines.filter((line, index) => !(line.key === '<progress>' && lines[index - 1]?.key === '<progress>'))
}
