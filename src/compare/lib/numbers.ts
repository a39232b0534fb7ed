/**
 * The `numbers` rule: decimal numbers (metrics, losses) a doc only promises
 * to be similar, compared within a tolerance the maintainer gives. Integers
 * (counts, exit codes) and versions (`3.47.0`) are never numbers here: they
 * are compared as written.
 */

export interface NumberTolerance {
  /** `0.1`: within 10 % of the doc's value. */
  relative?: number
  /** Within this much of the doc's value, in its unit. */
  absolute?: number
}

// A decimal with a fraction, not part of a word, a version or a path.
const decimal = /(?<![\w.])[-+]?\d+\.\d+(?:[eE][-+]?\d+)?(?![\w]|\.\d)/g

/** The decimal numbers of a line, in order. */
export function decimalsOf(text: string): string[] {
  return text.match(decimal) ?? []
}

/** The line with each decimal number replaced by `<number>`. */
export function withoutDecimals(text: string): string {
  return text.replace(decimal, '<number>')
}

/** Whether `actual` is within the tolerance of the doc's `expected`. */
export function withinTolerance(expected: number, actual: number, tolerance: NumberTolerance): boolean {
  const gap = Math.abs(actual - expected)
  // Rounding of printed values must not decide: allow a hair above the bound.
  const slack = 1e-9 * Math.max(1, Math.abs(expected))
  if (tolerance.absolute !== undefined && gap <= tolerance.absolute + slack) return true
  if (tolerance.relative !== undefined && gap <= tolerance.relative * Math.abs(expected) + slack) return true
  return false
}

/** `relative 5 %, absolute 0.1`, for messages. */
export function describeTolerance(tolerance: NumberTolerance): string {
  const parts: string[] = []
  if (tolerance.relative !== undefined) parts.push(`relative ${+(tolerance.relative * 100).toPrecision(6)} %`)
  if (tolerance.absolute !== undefined) parts.push(`absolute ${tolerance.absolute}`)
  return parts.join(', ') || 'none'
}

/** The first pair of decimals of two aligned lines that is outside the
 * tolerance, or the pairs that differ within it. */
export function compareDecimals(
  expectedLine: string,
  actualLine: string,
  tolerance: NumberTolerance
): {outside?: {expected: string; actual: string}; tolerated: {expected: string; actual: string}[]} {
  const want = decimalsOf(expectedLine)
  const got = decimalsOf(actualLine)
  const tolerated: {expected: string; actual: string}[] = []
  for (const [index, expected] of want.entries()) {
    const actual = got[index]
    if (actual === undefined || Number(actual) === Number(expected)) continue
    if (!withinTolerance(Number(expected), Number(actual), tolerance)) return {outside: {expected, actual}, tolerated}
    tolerated.push({expected, actual})
  }
  return {tolerated}
}
