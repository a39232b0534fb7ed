import {describe, expect, test} from 'vitest'
import {maskVolatile, ruleSummaries} from '../../src/compare/index.js'
import {maskLine} from '../../src/compare/lib/mask.js'

// One row per masking rule: a line, what it becomes, and the rule named.
const cases: [string, string, string][] = [
  ['Cache in /tmp/tmpab12/cache', 'Cache in <tmp>', 'temp-path'],
  ['index 193ebac..8ccc2df 100644', 'index <index>', 'stale-index-line'],
  ['- md5: 3863d0e317dee0a55c4e59d2ec0eef33.dir', '- md5: <md5>.dir', 'dvc-md5'],
  ['[main 1a2b3c4] Add data', '[main <hash>] Add data', 'short-hash'],
  ['[main (root-commit) 1a2b3c4] Add data', '[main (root-commit) <hash>] Add data', 'short-hash'],
  ['commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39', 'commit <hash>', 'commit-id'],
  ['HEAD is now at 1a2b3c4 Add data', 'HEAD is now at <hash> Add data', 'commit-id'],
  ['sha256:' + 'ab12'.repeat(16), 'sha256:<hash>', 'commit-id'],
  ['Started at 2026-11-22T22:13:15.123Z', 'Started at <date>', 'date-time'],
  ['Created 2026-11-22', 'Created <date>', 'date-time'],
  ['Date: Sun, 22 Nov 2026 22:13:15 +0000', 'Date: <date>', 'date-time'],
  ['Date:   Sun Nov 22 22:13:15 2026 +0100', 'Date:   <date>', 'date-time'],
  ['Sun Nov 22 22:13:15 UTC 2026', '<date>', 'date-time'],
  ['Ran 3 tests in 0.012s', 'Ran 3 tests in <duration>', 'duration'],
  ['Elapsed 0:00:01', 'Elapsed <duration>', 'duration'],
  ['done in 2 ms', 'done in <duration>', 'duration'],
  ['took 1m30s', 'took <duration>', 'duration'],
  ['Listening on 10.0.0.5', 'Listening on <ip>', 'ip-address'],
  ['http://localhost:4443/storage', 'http://localhost:<port>/storage', 'port'],
  ['on port 8080', 'on port <port>', 'port'],
  ['100%|██████████| 3/3 [00:00<00:00, 12.0file/s]', '<progress>', 'progress'],
  ['  45%', '<progress>', 'progress'],
  ['Downloading model 12.5 MB/s 45%', '<progress>', 'progress']
]

describe('masking rules', () => {
  test.each(cases)('%s', (line, masked, rule) => {
    const result = maskLine(line)
    expect(result.text).toBe(masked)
    expect(result.hits.map((hit) => hit.rule)).toContain(rule)
    expect(Object.keys(ruleSummaries)).toContain(rule)
  })

  test.each([
    'dvc[gs]==3.47.0',
    'The defaced file',
    'Wrote 1234567 bytes',
    '3 files, 2 steps',
    'Accuracy 95.2% on the test set of the model',
    'accuracy: 0.91'
  ])('leaves %s alone', (line) => {
    expect(maskLine(line).text).toBe(line)
  })

  test('sandbox paths become <sandbox>, longest first, before temp paths', () => {
    const text = 'Initialized empty Git repository in /tmp/dv-1/work/.git/\nHOME is /tmp/dv-1'
    expect(maskVolatile(text, {sandboxPaths: ['/tmp/dv-1', '/tmp/dv-1/work/']})).toBe(
      'Initialized empty Git repository in <sandbox>/.git/\nHOME is <sandbox>'
    )
  })

  test('tokens written in a doc stay as they are', () => {
    expect(maskVolatile('[main <hash>] at <date> in <duration>')).toBe('[main <hash>] at <date> in <duration>')
  })

  test('maskVolatile keeps the line structure', () => {
    expect(maskVolatile('a 1a2b3c4\r\n\nb\n')).toBe('a <hash>\r\n\nb\n')
  })
})
