import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import type {CommonOptions} from '../args.js'
import type {Io} from '../io.js'
import {exitCodeFor, formatDiagnostics, lintFiles} from '../../../lint/index.js'
import {InputError, loadWorkspace} from '../../../verify/index.js'

const byName = new Intl.Collator('en', {numeric: true})

async function markdownFiles(target: string): Promise<string[]> {
  let info
  try {
    info = await stat(target)
  } catch {
    throw new InputError(`${target}: no such file or folder; give Markdown files or folders to lint`)
  }
  if (!info.isDirectory()) return [target]
  const entries = await readdir(target, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => byName.compare(a, b))
}

/** `docs-verify lint [paths]`: defects in the Markdown itself. Without
 * paths, the guide's pages in nav order (cross-chapter rules see all). */
export async function lintCommand(paths: readonly string[], format: 'text' | 'json', options: CommonOptions, io: Io): Promise<number> {
  let files: string[]
  let wholeGuide = false
  if (paths.length === 0) {
    const workspace = await loadWorkspace({cwd: io.cwd, ...options})
    files = (workspace.guide?.chapters ?? []).filter((chapter) => chapter.exists).map((chapter) => chapter.file)
    wholeGuide = true
  } else {
    files = []
    for (const target of paths) files.push(...(await markdownFiles(path.resolve(io.cwd, target))))
    wholeGuide = paths.length === 1 && files.length > 1
  }
  const diagnostics = await lintFiles(files, {wholeGuide})
  const relative = diagnostics.map((diagnostic) => ({...diagnostic, file: path.relative(io.cwd, diagnostic.file) || diagnostic.file}))
  const text = formatDiagnostics(relative, format)
  io.stdout.write(text === '' || text.endsWith('\n') ? text : `${text}\n`)
  return exitCodeFor(relative)
}
