// Writes a new CLI build over the last one without breaking a docs-verify
// process still running from it. A run loads its command's files lazily,
// minutes after it started (the chunks of bin.js's dynamic imports), by the
// names its own build gave them. So a rebuild (`./dev`, `npm run build`):
//   - writes each file to a temporary name and renames it into place, so a
//     process starting meanwhile reads a whole old file or a whole new one;
//   - never deletes a file the previous build wrote: it stays, "stale since"
//     this build (its mtime is set to now), for a day, which is longer than
//     any run; stale files older than that are removed by a later build;
//   - lists the stale files (and its own record) in the folder's .npmignore,
//     so `npm pack` of a checkout ships only the current build.
// Which files are the current build is kept in <outdir>/.build-files.
import {chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export const staleFilesKeptMs = 24 * 60 * 60 * 1000
const manifestName = '.build-files'

/**
 * @param {string} outdir
 * @param {{path: string, contents: Uint8Array, executable?: boolean}[]} files absolute paths under outdir
 * @param {{now?: number}} [options]
 * @returns {{written: string[], stale: string[], removed: string[]}} paths relative to outdir
 */
export function replaceBuildOutput(outdir, files, {now = Date.now()} = {}) {
  const current = new Set(files.map((file) => relativeInside(outdir, file.path)))
  const previous = readPrevious(outdir, current)
  const written = []
  for (const file of files) {
    if (sameContents(file.path, file.contents)) continue
    writeAtomically(file.path, file.contents, file.executable ? 0o755 : 0o644)
    written.push(relativeInside(outdir, file.path))
  }
  const stale = []
  const removed = []
  for (const relative of ownedFiles(outdir, current)) {
    if (current.has(relative)) continue
    const full = path.join(outdir, relative)
    if (previous.has(relative)) {
      // Superseded just now: a process started before this build may load it.
      utimesSync(full, now / 1000, now / 1000)
      stale.push(relative)
    } else if (now - statSync(full).mtimeMs > staleFilesKeptMs) {
      rmSync(full, {force: true})
      removed.push(relative)
    } else {
      stale.push(relative)
    }
  }
  stale.sort()
  const unpacked = [`/${manifestName}`, ...stale.map((relative) => `/${relative}`)]
  writeAtomically(path.join(outdir, '.npmignore'), Buffer.from(unpacked.map((line) => `${line}\n`).join('')), 0o644)
  writeAtomically(path.join(outdir, manifestName), Buffer.from(`${JSON.stringify([...current].sort(), null, 1)}\n`), 0o644)
  return {written, stale, removed}
}

function relativeInside(outdir, file) {
  const relative = path.relative(outdir, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${file} is outside ${outdir}`)
  return relative.split(path.sep).join('/')
}

/** The files of the previous build; without a record (the first build of
 * this kind), every file already in the folders the build writes. */
function readPrevious(outdir, current) {
  try {
    return new Set(JSON.parse(readFileSync(path.join(outdir, manifestName), 'utf8')))
  } catch {
    return new Set(ownedFiles(outdir, current))
  }
}

/** Files in the subfolders the build writes (chunks/...), never the entry
 * folder itself: tsc writes other files next to the entry. */
function ownedFiles(outdir, current) {
  const folders = new Set([...current].filter((relative) => relative.includes('/')).map((relative) => relative.slice(0, relative.indexOf('/'))))
  const found = []
  for (const folder of folders) {
    const walk = (relativeDir) => {
      const dir = path.join(outdir, relativeDir)
      if (!existsSync(dir)) return
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        const relative = `${relativeDir}/${entry.name}`
        if (entry.isDirectory()) walk(relative)
        else if (entry.isFile()) found.push(relative)
      }
    }
    walk(folder)
  }
  return found
}

function sameContents(file, contents) {
  try {
    return Buffer.from(contents).equals(readFileSync(file))
  } catch {
    return false
  }
}

function writeAtomically(file, contents, mode) {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, contents)
  chmodSync(temporary, mode)
  renameSync(temporary, file)
}
