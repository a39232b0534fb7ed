import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {watchChapters} from '../../src/watch/index.js'

let tmp: string
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dv-watch-'))
})
afterEach(async () => {
  await fs.rm(tmp, {recursive: true, force: true})
})

/** Reports in arrival order, and a way to wait for the next one. */
function recorder(): {all: string[]; onChange: (file: string) => void; next: () => Promise<string>} {
  const all: string[] = []
  const waiting: ((file: string) => void)[] = []
  const queued: string[] = []
  return {
    all,
    onChange(file) {
      all.push(file)
      const waiter = waiting.shift()
      if (waiter) waiter(file)
      else queued.push(file)
    },
    next() {
      const file = queued.shift()
      return file ? Promise.resolve(file) : new Promise((resolve) => waiting.push(resolve))
    }
  }
}

describe('watchChapters', () => {
  it('reports an in-place write and an editor-style rename, once each', {timeout: 15_000}, async () => {
    const chapter = path.join(tmp, 'chapter-3.md')
    const other = path.join(tmp, 'chapter-4.md')
    await fs.writeFile(chapter, '# Chapter 3\n')
    await fs.writeFile(other, '# Chapter 4\n')
    const changes = recorder()
    const watcher = watchChapters([chapter, other], changes.onChange, {debounceMs: 30})
    await watcher.ready
    try {
      await fs.writeFile(path.join(tmp, 'notes.txt'), 'not watched')
      // A burst of writes: one report after the debounce.
      await fs.writeFile(chapter, '# Chapter 3\n\nEdited.\n')
      await fs.appendFile(chapter, 'More.\n')
      expect(await changes.next()).toBe(chapter)

      // Editors save by renaming a temporary file over the chapter.
      const temp = path.join(tmp, '.chapter-4.md.swp')
      await fs.writeFile(temp, '# Chapter 4\n\nSaved by an editor.\n')
      await fs.rename(temp, other)
      expect(await changes.next()).toBe(other)

      // An unwatched neighbour and the duplicate events of the rename above
      // must not be reported: the next report is the real edit below.
      await fs.writeFile(path.join(tmp, 'notes.txt'), 'still not watched')
      await fs.appendFile(chapter, 'Last.\n')
      expect(await changes.next()).toBe(chapter)
      expect(changes.all).toEqual([chapter, other, chapter])
    } finally {
      watcher.close()
    }
  })

  it('reports a folder it cannot watch instead of throwing', async () => {
    const errors: Error[] = []
    const watcher = watchChapters([path.join(tmp, 'missing', 'chapter.md')], () => {}, {onError: (e) => errors.push(e)})
    await watcher.ready
    watcher.close()
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toMatch(/ENOENT/)
  })
})
