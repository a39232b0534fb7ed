/**
 * JSON output compared as parsed values, with volatile strings masked.
 */

import {maskLine} from './mask.js'
import type {MaskOptions} from './mask.js'
import {ToleranceLog} from './rules.js'
import {describeTolerance, withinTolerance} from './numbers.js'
import type {NumberTolerance} from './numbers.js'
import type {ExtraLine, Mismatch} from './types.js'

export interface JsonComparison {
  mismatches: Mismatch[]
  extraLines: ExtraLine[]
  log: ToleranceLog
}

/** Parse JSON, or undefined when the text is not JSON. */
export function parseJson(text: string): {value: unknown} | undefined {
  try {
    return {value: JSON.parse(text) as unknown}
  } catch {
    return undefined
  }
}

/** Compare two parsed JSON values: the doc's keys and array items must be
 * there with equal (masked) values; keys and items the output adds are
 * extra lines. A doc string `"..."` matches any value. */
export function compareJson(
  expectedText: string,
  expected: unknown,
  actual: unknown,
  options: MaskOptions & {numbers?: NumberTolerance}
): JsonComparison {
  const log = new ToleranceLog()
  const mismatches: Mismatch[] = []
  const extraLines: ExtraLine[] = []
  const docLines = expectedText.split('\n')
  walk(expected, actual, '$', undefined)
  return {mismatches, extraLines, log}

  function lineOf(key: string | undefined): number | undefined {
    if (key === undefined) return undefined
    const index = docLines.findIndex((line) => line.includes(JSON.stringify(key) + ':') || line.includes(JSON.stringify(key) + ' :'))
    return index === -1 ? undefined : index + 1
  }

  function walk(want: unknown, got: unknown, path: string, key: string | undefined): void {
    if (want === '...' || want === '…') return
    if (Array.isArray(want)) {
      if (!Array.isArray(got)) return differ(want, got, path, key)
      want.forEach((item, index) => {
        if (index < got.length) walk(item, got[index], `${path}[${index}]`, key)
        else mismatches.push({message: `json ${path}[${index}]: expected ${show(item)}, the output has no such item`, expectedLine: lineOf(key), expected: show(item)})
      })
      for (let index = want.length; index < got.length; index++) {
        extraLines.push({line: show(got[index]), message: `json ${path}[${index}]: the output has ${show(got[index])}, which the doc does not show`})
      }
      return
    }
    if (want !== null && typeof want === 'object') {
      if (got === null || typeof got !== 'object' || Array.isArray(got)) return differ(want, got, path, key)
      const gotRecord = got as Record<string, unknown>
      for (const [name, value] of Object.entries(want)) {
        const child = `${path}.${name}`
        if (!(name in gotRecord)) {
          mismatches.push({message: `json ${child}: expected ${show(value)}, the output has no key "${name}"`, expectedLine: lineOf(name), expected: show(value)})
        } else {
          walk(value, gotRecord[name], child, name)
        }
      }
      for (const name of Object.keys(gotRecord)) {
        if (!(name in (want as Record<string, unknown>))) {
          extraLines.push({line: `"${name}": ${show(gotRecord[name])}`, message: `json ${path}.${name}: the output has key "${name}", which the doc does not show`})
        }
      }
      return
    }
    if (typeof want === 'string' && typeof got === 'string') {
      const left = maskLine(want, options)
      const right = maskLine(got, options)
      if (left.text === right.text) {
        if (want !== got) for (const hit of right.hits) log.add(hit.rule, {expectedLine: lineOf(key), expected: want, actual: got})
        return
      }
    }
    // Only numbers with a fraction are "similar": counts stay exact.
    if (options.numbers && typeof want === 'number' && typeof got === 'number' && want !== got && !(Number.isInteger(want) && Number.isInteger(got))) {
      if (withinTolerance(want, got, options.numbers)) {
        log.add('numbers', {expectedLine: lineOf(key), expected: String(want), actual: String(got)})
        return
      }
      mismatches.push({
        message: `json ${path}: expected ${show(want)}, the output has ${show(got)}: not within the tolerance (${describeTolerance(options.numbers)})`,
        expectedLine: lineOf(key),
        expected: show(want),
        actual: show(got)
      })
      return
    }
    if (want !== got) differ(want, got, path, key)
  }

  function differ(want: unknown, got: unknown, path: string, key: string | undefined): void {
    mismatches.push({
      message: `json ${path}: expected ${show(want)}, the output has ${show(got)}`,
      expectedLine: lineOf(key),
      expected: show(want),
      actual: show(got)
    })
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
