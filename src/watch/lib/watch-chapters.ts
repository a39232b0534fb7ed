import {watch} from 'node:fs'
import type {FSWatcher} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

export interface WatchOptions {
  /** Quiet time after the last event before reporting a file. Default 100. */
  debounceMs?: number
  /** Told when a folder cannot be watched (then that folder is skipped)
   * and when `onChange` throws. */
  onError?: (error: Error) => void
}

export interface ChapterWatcher {
  /** Settles once the starting state of every file is recorded; a change
   * made before that may go unreported. */
  ready: Promise<void>
  close(): void
}

/**
 * Call `onChange(file)` (absolute path) once a watched Markdown file has
 * changed and gone quiet. Watches the folders, not the files: editors save
 * by writing a temporary file and renaming it over the chapter, which
 * replaces the inode a file watcher would hold. A change is reported only
 * when the file's identity, size or mtime differ from the last report, so
 * the duplicate events fs.watch is known for do not rerun a chapter.
 */
export function watchChapters(
  files: readonly string[],
  onChange: (changedFile: string) => void,
  options: WatchOptions = {}
): ChapterWatcher {
  const debounceMs = options.debounceMs ?? 100
  const wanted = new Map<string, Set<string>>()
  for (const file of files) {
    const absolute = path.resolve(file)
    const dir = path.dirname(absolute)
    const names = wanted.get(dir) ?? new Set<string>()
    names.add(path.basename(absolute))
    wanted.set(dir, names)
  }
  const signatures = new Map<string, string | null>()
  const timers = new Map<string, NodeJS.Timeout>()
  const watchers: FSWatcher[] = []
  let closed = false

  const initial: Promise<void>[] = []
  for (const [dir, names] of wanted) {
    for (const name of names) {
      const file = path.join(dir, name)
      initial.push(
        signature(file).then((value) => {
          if (!signatures.has(file)) signatures.set(file, value)
        })
      )
    }
    let watcher: FSWatcher
    try {
      watcher = watch(dir, {persistent: true}, (_event, name) => {
        // Some platforms give no name: recheck every file of the folder.
        const changed = name ? (names.has(name.toString()) ? [name.toString()] : []) : [...names]
        for (const each of changed) schedule(path.join(dir, each))
      })
    } catch (error) {
      options.onError?.(error as Error)
      continue
    }
    watcher.on('error', (error) => options.onError?.(error))
    watchers.push(watcher)
  }

  function schedule(file: string): void {
    if (closed) return
    clearTimeout(timers.get(file))
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file)
        void report(file)
      }, debounceMs)
    )
  }

  async function report(file: string): Promise<void> {
    const now = await signature(file)
    // Mid-replace (the old file gone, the new one not yet there): wait for
    // the event that brings it back.
    if (closed || now === null || signatures.get(file) === now) return
    signatures.set(file, now)
    try {
      onChange(file)
    } catch (error) {
      // A failing callback must not kill the watcher (or the process).
      options.onError?.(error as Error)
    }
  }

  return {
    ready: Promise.all(initial).then(() => {}),
    close() {
      closed = true
      for (const watcher of watchers) watcher.close()
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    }
  }
}

async function signature(file: string): Promise<string | null> {
  try {
    const stat = await fs.stat(file, {bigint: true})
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`
  } catch {
    return null
  }
}
