import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintFiles, lintText} from '../../src/lint/index.js'
import {md} from './fixtures.js'

describe('lint on bad input', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lint-bad-'))
  })
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('returns nothing for empty and whitespace-only text', () => {
    expect(lintText('', 'empty.md')).toEqual([])
    expect(lintText('\n\n   \n\t\n', 'blank.md')).toEqual([])
  })

  it('does not crash on control characters, CRLF and a BOM', () => {
    const text = '\uFEFF# T\r\n\u0000\u0001\u00ff\r\n<<<<<<< HEAD\r\n'
    expect(lintText(text, 'odd.md').map((d) => [d.line, d.rule])).toEqual([[3, 'merge-conflict-marker']])
  })

  it('lints a large file with many containers and stray lines', () => {
    const block = md('=== "A"', '', '    Body.', 'stray', '    More body.', '', '    ```sh', '    echo a', '    ```', '')
    const text = block.repeat(3_000) + 'x'.repeat(300_000)
    const diagnostics = lintText(text, 'huge.md')
    expect(diagnostics.filter((d) => d.rule === 'container-ended-early')).toHaveLength(3_000)
  })

  it('reports a binary file and a missing file instead of throwing', async () => {
    const binary = join(dir, 'image.md')
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]))
    const missing = join(dir, 'missing.md')
    const diagnostics = await lintFiles([binary, missing])
    expect(diagnostics.map((d) => [d.file, d.rule, d.severity])).toEqual([
      [binary, 'not-text', 'warning'],
      [missing, 'unreadable-file', 'error']
    ])
  })
})
