import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {checkBlockUpdates, rewriteExpectedBlocks, writeFileAtomic} from '../../src/update/index.js'
import type {BlockUpdate} from '../../src/update/index.js'

const fixture = await fs.readFile(new URL('fixtures/chapter.md', import.meta.url), 'utf8')

/** Positions as the extractor reports them for the first fence opened by
 * `opening` (exact text, indentation included) after an output cue. */
function block(text: string, opening: string, indent: number, newBody: string): BlockUpdate {
  const lines = text.split(/\r?\n/)
  const open = lines.findIndex(
    (line, i) => line === opening && lines.slice(0, i).some((l) => l.includes('should be similar to this'))
  )
  expect(open).toBeGreaterThan(-1)
  const close = lines.findIndex((line, i) => i > open && line.trim() === '```')
  // 1-based: body starts on the line after the fence, ends before the close.
  return {bodyStartLine: open + 2, bodyEndLine: close, indent, newBody}
}

function updatesFor(text: string): BlockUpdate[] {
  return [
    block(text, '```', 0, 'On branch main\nYour branch is up to date with \'origin/main\'.\n'),
    block(text, '    ```text', 4, 'To /tmp/sandbox/remote.git\n * [new branch]      main -> main  \n'),
    block(text, '        ```txt title="Output"', 8, 'origin\t/tmp/sandbox/remote.git (fetch)\n\n   \norigin\t/tmp/sandbox/remote.git (push)')
  ]
}

/** Lines outside the updated bodies, with their positions relative to the
 * bodies, so a shifted but unchanged line still compares equal. */
function outside(text: string, bodies: {start: number; end: number}[]): string[] {
  const lines = text.split(/(?<=\r\n|\n)/)
  return lines.filter((_line, i) => !bodies.some((b) => i + 1 >= b.start && i + 1 <= b.end))
}

/** Where the bodies sit after a rewrite (later blocks shift). */
function newRanges(updates: BlockUpdate[]): {start: number; end: number}[] {
  let shift = 0
  return [...updates]
    .sort((a, b) => a.bodyStartLine - b.bodyStartLine)
    .map((u) => {
      const count = u.newBody === '' ? 0 : u.newBody.replace(/\n$/, '').split('\n').length
      const start = u.bodyStartLine + shift
      shift += count - (u.bodyEndLine - u.bodyStartLine + 1)
      return {start, end: start + count - 1}
    })
}

describe('rewriteExpectedBlocks', () => {
  it('changes only the three bodies, indented like their container', () => {
    const updates = updatesFor(fixture)
    const result = rewriteExpectedBlocks(fixture, updates)
    const oldRanges = updates.map((u) => ({start: u.bodyStartLine, end: u.bodyEndLine}))
    expect(outside(result, newRanges(updates))).toEqual(outside(fixture, oldRanges))

    const lines = result.split('\n')
    const [first, second, third] = newRanges(updates)
    expect(lines.slice(first!.start - 1, first!.end)).toEqual([
      'On branch main',
      "Your branch is up to date with 'origin/main'."
    ])
    expect(lines.slice(second!.start - 1, second!.end)).toEqual([
      '    To /tmp/sandbox/remote.git',
      '     * [new branch]      main -> main'
    ])
    expect(lines.slice(third!.start - 1, third!.end)).toEqual([
      '        origin\t/tmp/sandbox/remote.git (fetch)',
      '',
      '',
      '        origin\t/tmp/sandbox/remote.git (push)'
    ])
    expect(result).not.toMatch(/[ \t]\n/)
    // Idempotent: the same update again changes nothing.
    expect(rewriteExpectedBlocks(result, updatesFor(result))).toBe(result)
  })

  it('keeps CRLF line endings and a missing final newline', () => {
    const crlf = fixture.replace(/\n/g, '\r\n').replace(/\r\n$/, '')
    const result = rewriteExpectedBlocks(crlf, updatesFor(crlf))
    expect(result).not.toMatch(/[^\r]\n/)
    expect(result.endsWith('Done.')).toBe(true)
    const lf = rewriteExpectedBlocks(fixture, updatesFor(fixture))
    expect(result).toBe(lf.replace(/\n/g, '\r\n').replace(/\r\n$/, ''))
  })

  it('empties a block and fills an empty one', () => {
    const [first] = updatesFor(fixture)
    const emptied = rewriteExpectedBlocks(fixture, [{...first!, newBody: ''}])
    expect(emptied).toContain('this:\n\n```\n```\n\n### Push')

    // The macOS block is empty: bodyStartLine = its closing line.
    const lines = fixture.split('\n')
    const close = lines.lastIndexOf('        ```')
    expect(lines[close - 1]).toBe('        ```')
    const empty: BlockUpdate = {bodyStartLine: close + 1, bodyEndLine: close, indent: 8, newBody: 'origin  /tmp/r.git (fetch)\n'}
    const filled = rewriteExpectedBlocks(fixture, [empty])
    expect(filled).toContain('        ```\n        origin  /tmp/r.git (fetch)\n        ```\n\n## Summary')
    expect(filled.split('\n').length).toBe(lines.length + 1)
  })

  it('refuses stale positions and a body that would close its fence', () => {
    const [first, second] = updatesFor(fixture)
    const stale = {...first!, bodyStartLine: first!.bodyStartLine + 1}
    expect(checkBlockUpdates(fixture, [stale], 'docs/chapter.md')).toEqual([
      `docs/chapter.md:${stale.bodyStartLine - 1}: expected the opening fence of an output block; the file changed since it was planned: plan it again.`
    ])
    expect(() => rewriteExpectedBlocks(fixture, [stale])).toThrow(/Cannot update expected output/)
    const fenced = {...second!, newBody: 'a\n```\nb'}
    expect(checkBlockUpdates(fixture, [fenced])[0]).toMatch(/new output line 2 would close the ``` fence/)
    expect(checkBlockUpdates(fixture, [first!, first!])[0]).toMatch(/overlaps/)
    expect(checkBlockUpdates(fixture, [{...first!, bodyEndLine: 10_000}])[0]).toMatch(/not inside the file/)
    // Right fences, wrong container: the opening fence is not at indent 4.
    expect(checkBlockUpdates(fixture, [{...first!, indent: 4}])[0]).toMatch(/expected the opening fence/)
    const third = updatesFor(fixture)[2]!
    expect(checkBlockUpdates(fixture, [{...third, indent: 4}])[0]).toMatch(/expected the opening fence/)
    const outdented = '=== "Tab"\n\n    ```\nout of the tab\n    ```\n'
    expect(checkBlockUpdates(outdented, [{bodyStartLine: 4, bodyEndLine: 4, indent: 4, newBody: 'x'}], 'a.md')).toEqual([
      'a.md:4: body line is indented less than its block (4 columns); the file changed since it was planned: plan it again.'
    ])
  })
})

describe('writeFileAtomic', () => {
  let tmp: string
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dv-update-'))
  })
  afterEach(async () => {
    await fs.rm(tmp, {recursive: true, force: true})
  })

  it('replaces the content, keeps the mode, leaves no temp file', async () => {
    const file = path.join(tmp, 'chapter.md')
    await fs.writeFile(file, fixture)
    await fs.chmod(file, 0o640)
    const {ino} = await fs.stat(file)
    const text = rewriteExpectedBlocks(fixture, updatesFor(fixture))
    await writeFileAtomic(file, text)
    expect(await fs.readFile(file, 'utf8')).toBe(text)
    const stat = await fs.stat(file)
    expect(stat.mode & 0o777).toBe(0o640)
    expect(stat.ino).not.toBe(ino) // renamed over, not written in place
    expect(await fs.readdir(tmp)).toEqual(['chapter.md'])
  })

  it('writes through a symlink and keeps the link', async () => {
    const real = path.join(tmp, 'real.md')
    const link = path.join(tmp, 'link.md')
    await fs.writeFile(real, 'old\n')
    await fs.symlink('real.md', link)
    await writeFileAtomic(link, 'new\n')
    expect(await fs.readlink(link)).toBe('real.md')
    expect(await fs.readFile(real, 'utf8')).toBe('new\n')
    expect((await fs.readdir(tmp)).sort()).toEqual(['link.md', 'real.md'])
  })

  it('creates a missing file and cleans up after a failure', async () => {
    await writeFileAtomic(path.join(tmp, 'new.md'), 'x')
    expect(await fs.readFile(path.join(tmp, 'new.md'), 'utf8')).toBe('x')
    // Renaming a file over a directory fails: no temp file may remain.
    await fs.mkdir(path.join(tmp, 'dir.md'))
    await expect(writeFileAtomic(path.join(tmp, 'dir.md'), 'y')).rejects.toThrow()
    expect((await fs.readdir(tmp)).sort()).toEqual(['dir.md', 'new.md'])
  })
})
