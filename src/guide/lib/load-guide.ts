/**
 * Load a guide: find its config (`zensical.toml`, else `mkdocs.yml`), read
 * the nav and describe every page in nav order. Without a nav, pages are
 * the docs directory's Markdown files in path order (as MkDocs does).
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {chapterNumberFromFile, chapterNumberFromTitle} from '../../plan/index.js'
import {GuideError} from './guide-error.js'
import type {NavConfig} from './read-nav.js'
import {skimMkdocsNav} from './skim-mkdocs-nav.js'
import type {Chapter, Guide, GuideProblem, NavPage} from './types.js'

const configNames = ['zensical.toml', 'mkdocs.yml', 'mkdocs.yaml']

/** Load the guide rooted at `rootDir` (the directory holding mkdocs.yml /
 * zensical.toml, or one of those files). */
export async function loadGuide(rootDir: string): Promise<Guide> {
  const named = configNames.includes(path.basename(rootDir)) ? path.basename(rootDir) : undefined
  const root = path.resolve(named ? path.dirname(rootDir) : rootDir)
  const problems: GuideProblem[] = []
  let configFile: string | null = null
  let config: NavConfig | undefined
  for (const name of named ? [named] : configNames) {
    const candidate = path.join(root, name)
    const text = await readFile(candidate, 'utf8').catch(() => undefined)
    if (text === undefined) continue
    let read: NavConfig
    try {
      read = (name.endsWith('.toml') ? undefined : skimMkdocsNav(text)) ?? (await readNav(name, text))
    } catch (error) {
      const line = (error as {line?: number}).line
      throw new GuideError(`cannot read ${name}: ${(error as Error).message}`, {
        file: candidate,
        ...(line === undefined ? {} : {line}),
        hint: `Fix the ${name.endsWith('.toml') ? 'TOML' : 'YAML'} syntax at that line.`
      })
    }
    if (config === undefined || (config.pages === undefined && read.pages !== undefined)) {
      config = read
      configFile = candidate
    }
    if (config.pages !== undefined) break
  }
  if (!config) {
    if (!(await isDirectory(root))) {
      throw new GuideError('not a directory', {file: root, hint: 'Pass the directory that holds mkdocs.yml or zensical.toml.'})
    }
  }
  const docsDir = config ? path.resolve(root, config.docsDir) : (await isDirectory(path.join(root, 'docs'))) ? path.join(root, 'docs') : root
  const pages = config?.pages ?? (await scanPages(docsDir))
  const chapters: Chapter[] = []
  for (const page of pages) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(page.path) || !/\.md$/i.test(page.path)) continue
    const file = path.resolve(docsDir, page.path)
    const text = await readFile(file, 'utf8').catch(() => undefined)
    if (text === undefined) {
      problems.push({
        file: configFile ?? file,
        ...(page.line === undefined ? {} : {line: page.line}),
        message: `nav entry ${page.path} points at a missing file (${file}): fix the path or remove the entry.`
      })
    }
    chapters.push(describePage(page, file, text))
  }
  return {root, configFile, docsDir, chapters, problems}
}

/** The full TOML or YAML reading, loaded only when needed: loading and
 * running the parsers costs a cold start more than the skim (issue 10). */
async function readNav(name: string, text: string): Promise<NavConfig> {
  const {readMkdocsNav, readZensicalNav} = await import('./read-nav.js')
  return name.endsWith('.toml') ? readZensicalNav(text) : readMkdocsNav(text)
}

/** Pages of the guide in nav order. */
export function listChapters(guide: Guide): Chapter[] {
  return guide.chapters
}

function describePage(page: NavPage, file: string, text: string | undefined): Chapter {
  const title = page.title ?? (text === undefined ? undefined : firstHeading(text)) ?? path.basename(file, '.md')
  const number = chapterNumberFromTitle(title) ?? chapterNumberFromFile(file)
  const chapter: Chapter = {title, file, path: page.path, section: page.section, slug: number === undefined ? '' : `chapter-${number}`, exists: text !== undefined}
  if (number !== undefined) chapter.number = number
  if (page.line !== undefined) chapter.line = page.line
  return chapter
}

/** The first `# ` heading (front matter `title:` first). */
export function firstHeading(text: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  const title = front ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1]!)?.[1] : undefined
  if (title) return title
  let fenced = false
  for (const line of text.split(/\r?\n/, 400)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    if (!fenced && /^# /.test(line)) return line.slice(2).replace(/\s+#*\s*$/, '').trim()
  }
  return undefined
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false)
}

async function scanPages(docsDir: string): Promise<NavPage[]> {
  const entries = await readdir(docsDir, {recursive: true}).catch(() => [] as string[])
  return entries
    .filter((entry) => entry.endsWith('.md'))
    .map((entry) => entry.split(path.sep).join('/'))
    .sort()
    .map((entry) => ({path: entry, section: entry.split('/').slice(0, -1)}))
}
