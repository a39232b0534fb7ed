import {readFileSync} from 'node:fs'
import {expect, test} from 'vitest'
import {ruleSummaries} from '../../src/compare/index.js'

// Every tolerated difference names a rule; the reference page must explain
// each one, and name no rule the code does not have.
test('every rule has a section in docs/reference/comparing-output.md', () => {
  const page = readFileSync(new URL('../../docs/reference/comparing-output.md', import.meta.url), 'utf8')
  const headings = [...page.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((match) => match[1])
  expect(headings.sort()).toEqual(Object.keys(ruleSummaries).sort())
})
