/**
 * Aligning expected lines with output lines: longest common subsequence on
 * comparison keys, then pairing what is left between two anchors.
 */

export interface AlignItem {
  /** What equality is decided on (masked, whitespace-normalised). */
  key: string
  /** A `...` line: stands for any number of output lines. */
  elision?: boolean
}

export type AlignStep =
  | {type: 'equal'; expected: number; actual: number}
  | {type: 'changed'; expected: number; actual: number}
  | {type: 'missing'; expected: number}
  | {type: 'extra'; actual: number}
  | {type: 'elided'; expected: number; actual: number[]}

/** Similarity in [0, 1] of two keys; pairs under the threshold are not
 * reported as "changed" but as one missing and one extra line. */
export type Similarity = (expected: string, actual: string) => number

const threshold = 0.5

/** Dice coefficient of character bigrams: `+dvc[gs]==3.47.0` and
 * `+dvc[gs]==3.67.0` are close, two unrelated lines are not. */
export function bigramSimilarity(left: string, right: string): number {
  if (left === right) return 1
  if (left.length < 2 || right.length < 2) return 0
  const counts = new Map<string, number>()
  for (let index = 0; index < left.length - 1; index++) {
    const gram = left.slice(index, index + 2)
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  let shared = 0
  for (let index = 0; index < right.length - 1; index++) {
    const gram = right.slice(index, index + 2)
    const count = counts.get(gram) ?? 0
    if (count > 0) {
      shared++
      counts.set(gram, count - 1)
    }
  }
  return (2 * shared) / (left.length + right.length - 2)
}

// Past this many cells (80 MB) the table would not fit comfortably; a
// greedy in-order match is good enough for outputs that long.
const maxTable = 20_000_000
const maxPairings = 200_000

function greedySubsequence(expected: string[], actual: string[]): [number, number][] {
  const pairs: [number, number][] = []
  let cursor = 0
  for (const [row, key] of expected.entries()) {
    const column = actual.indexOf(key, cursor)
    if (column === -1) continue
    pairs.push([row, column])
    cursor = column + 1
  }
  return pairs
}

/** Index pairs of a longest common subsequence of two key lists. */
export function commonSubsequence(expected: string[], actual: string[]): [number, number][] {
  const rows = expected.length
  const columns = actual.length
  if ((rows + 1) * (columns + 1) > maxTable) return greedySubsequence(expected, actual)
  // Lengths of the LCS of suffixes, one flat array to stay cheap on long
  // outputs (a `pip install` log against a five-line doc block).
  const table = new Uint32Array((rows + 1) * (columns + 1))
  const at = (row: number, column: number): number => table[row * (columns + 1) + column] ?? 0
  for (let row = rows - 1; row >= 0; row--) {
    for (let column = columns - 1; column >= 0; column--) {
      table[row * (columns + 1) + column] =
        expected[row] === actual[column]
          ? at(row + 1, column + 1) + 1
          : Math.max(at(row + 1, column), at(row, column + 1))
    }
  }
  const pairs: [number, number][] = []
  let row = 0
  let column = 0
  while (row < rows && column < columns) {
    if (expected[row] === actual[column]) {
      pairs.push([row, column])
      row++
      column++
    } else if (at(row + 1, column) >= at(row, column + 1)) {
      row++
    } else {
      column++
    }
  }
  return pairs
}

/** Align expected items with actual items, in order. */
export function align(
  expected: AlignItem[],
  actual: AlignItem[],
  similarity: Similarity = bigramSimilarity
): AlignStep[] {
  const concrete = expected.map((item, index) => ({item, index})).filter(({item}) => !item.elision)
  const anchors = commonSubsequence(
    concrete.map(({item}) => item.key),
    actual.map((item) => item.key)
  ).map(([row, column]): [number, number] => [concrete[row]?.index ?? 0, column])

  const steps: AlignStep[] = []
  let expectedStart = 0
  let actualStart = 0
  for (const [expectedIndex, actualIndex] of [...anchors, [expected.length, actual.length]]) {
    gap(expectedStart, expectedIndex ?? 0, actualStart, actualIndex ?? 0)
    if (expectedIndex !== undefined && actualIndex !== undefined && expectedIndex < expected.length) {
      steps.push({type: 'equal', expected: expectedIndex, actual: actualIndex})
    }
    expectedStart = (expectedIndex ?? 0) + 1
    actualStart = (actualIndex ?? 0) + 1
  }
  return steps

  function gap(fromExpected: number, toExpected: number, fromActual: number, toActual: number): void {
    const expectedIndexes = range(fromExpected, toExpected)
    const actualIndexes = range(fromActual, toActual)
    const elisionAt = expectedIndexes.findIndex((index) => expected[index]?.elision)
    if (elisionAt === -1) {
      pair(expectedIndexes, actualIndexes)
      return
    }
    // Lines before the elision pair with the gap's first output lines, lines
    // after it with its last ones; the elision takes what is in between.
    const before = expectedIndexes.slice(0, elisionAt)
    const after = expectedIndexes.slice(elisionAt + 1)
    const head = pair(before, actualIndexes, true)
    const rest = actualIndexes.slice(head)
    const tailSteps: AlignStep[] = []
    const tailStart = pairFromEnd(after, rest, tailSteps)
    steps.push({
      type: 'elided',
      expected: expectedIndexes[elisionAt] ?? 0,
      actual: rest.slice(0, tailStart)
    })
    steps.push(...tailSteps)
  }

  /** Pair expected lines with the most similar output lines, in order.
   * Returns how many output lines were consumed when `stopEarly` (the rest is
   * left to an elision); otherwise unpaired output lines are extras. */
  function pair(expectedIndexes: number[], actualIndexes: number[], stopEarly = false): number {
    let cursor = 0
    // Pairing costs a similarity per expected and output line; a gap that
    // large has nothing worth pairing: report it as missing and extra.
    const pairable = expectedIndexes.length * actualIndexes.length <= maxPairings
    for (const expectedIndex of expectedIndexes) {
      if (!pairable) {
        steps.push({type: 'missing', expected: expectedIndex})
        continue
      }
      const key = expected[expectedIndex]?.key ?? ''
      let best = -1
      let bestScore = threshold
      for (let offset = cursor; offset < actualIndexes.length; offset++) {
        const score = similarity(key, actual[actualIndexes[offset] ?? 0]?.key ?? '')
        if (score >= bestScore && (best === -1 || score > bestScore)) {
          best = offset
          bestScore = score
        }
      }
      if (best === -1) {
        steps.push({type: 'missing', expected: expectedIndex})
        continue
      }
      for (let offset = cursor; offset < best; offset++) {
        steps.push({type: 'extra', actual: actualIndexes[offset] ?? 0})
      }
      steps.push({type: 'changed', expected: expectedIndex, actual: actualIndexes[best] ?? 0})
      cursor = best + 1
    }
    if (!stopEarly) {
      for (let offset = cursor; offset < actualIndexes.length; offset++) {
        steps.push({type: 'extra', actual: actualIndexes[offset] ?? 0})
      }
    }
    return cursor
  }

  function pairFromEnd(expectedIndexes: number[], actualIndexes: number[], out: AlignStep[]): number {
    let cursor = actualIndexes.length
    const reversed: AlignStep[] = []
    const pairable = expectedIndexes.length * actualIndexes.length <= maxPairings
    for (const expectedIndex of [...expectedIndexes].reverse()) {
      if (!pairable) {
        reversed.push({type: 'missing', expected: expectedIndex})
        continue
      }
      if (expected[expectedIndex]?.elision) {
        // A second elision in the same gap: the first one took the lines.
        reversed.push({type: 'elided', expected: expectedIndex, actual: []})
        continue
      }
      const key = expected[expectedIndex]?.key ?? ''
      let best = -1
      let bestScore = threshold
      for (let offset = cursor - 1; offset >= 0; offset--) {
        const score = similarity(key, actual[actualIndexes[offset] ?? 0]?.key ?? '')
        if (score > bestScore || (best === -1 && score >= bestScore)) {
          best = offset
          bestScore = score
        }
      }
      if (best === -1) {
        reversed.push({type: 'missing', expected: expectedIndex})
        continue
      }
      for (let offset = cursor - 1; offset > best; offset--) {
        reversed.push({type: 'extra', actual: actualIndexes[offset] ?? 0})
      }
      reversed.push({type: 'changed', expected: expectedIndex, actual: actualIndexes[best] ?? 0})
      cursor = best
    }
    out.push(...reversed.reverse())
    return cursor
  }
}

function range(from: number, to: number): number[] {
  const values: number[] = []
  for (let value = from; value < to; value++) values.push(value)
  return values
}
