/**
 * A failure a person reads stays a screenful: a cascade (a `git add .`
 * whose status lists 1,600 files the doc does not) would otherwise bury the
 * rest of the run. Only the renderers people read elide; the JSON and JUnit
 * reports keep every line.
 */

/** How much of a failure the readable reports show: a message's lines
 * and a diff's lines. */
export const readableLimits = {message: 25, diff: 60} as const

/** Where the lines left out can be read in full. */
export const inFull = 'the JSON report (--reporter json=FILE) has them all'

/** The first `max` lines, then one line saying how many were left out. */
export function elideLines(lines: readonly string[], max: number, what = 'lines'): string[] {
  if (lines.length <= max) return [...lines]
  const hidden = lines.length - max
  return [...lines.slice(0, max), `… ${hidden.toLocaleString('en-US')} more ${what}: ${inFull}`]
}

/** A text's lines, elided with {@link elideLines}. */
export function elideText(text: string, max: number, what = 'lines'): string {
  return elideLines(text.split('\n'), max, what).join('\n')
}
