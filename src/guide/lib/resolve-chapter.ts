/**
 * Find the chapter a user means: `chapter-7` (title "Chapter 7 - ..." /
 * "Chapter 7: ..." or file `chapter-7-*.md`), `chapter-2.2` (also file
 * `chapter-22-*`), a file name or slug, a title, or a path.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {GuideError} from './guide-error.js'
import {firstHeading} from './load-guide.js'
import {chapterNumberFromFile, chapterNumberFromTitle} from '../../plan/index.js'
import type {Chapter, Guide} from './types.js'

/** The one chapter matching `query`; throws a GuideError listing candidates otherwise. */
export function resolveChapter(query: string, guide: Guide): Chapter {
  const trimmed = query.trim()
  const where = guide.configFile ?? guide.docsDir
  if (/[\\/]/.test(trimmed) || /\.md$/i.test(trimmed)) {
    const byPath = resolvePath(trimmed, guide)
    if (byPath) return byPath
  }
  const number = /^chapter[-_ ]?(\d+(?:\.\d+)?)$/i.exec(trimmed)?.[1]
  let matches: Chapter[]
  if (number !== undefined) {
    const digits = number.replace('.', '')
    matches = guide.chapters.filter((chapter) => {
      const fileNumber = chapterNumberFromFile(chapter.file)
      const titleNumber = chapterNumberFromTitle(chapter.title)
      // Newer guides number "Chapter 2.2" in files named chapter-22-*.
      return (
        fileNumber === number ||
        fileNumber === digits ||
        titleNumber === number ||
        (!number.includes('.') && titleNumber?.replace('.', '') === number)
      )
    })
  } else {
    const lower = trimmed.toLowerCase()
    matches = guide.chapters.filter(
      (chapter) =>
        path.basename(chapter.file, '.md').toLowerCase() === lower || chapter.title.toLowerCase() === lower || chapter.path.toLowerCase() === lower
    )
  }
  const unique = [...new Map(matches.map((chapter) => [chapter.file, chapter])).values()]
  if (unique.length === 1) return unique[0]!
  if (unique.length > 1) {
    const first = unique.find((chapter) => chapter.line !== undefined)
    throw new GuideError(`"${query}" matches ${unique.length} chapters`, {
      file: where,
      ...(first?.line === undefined ? {} : {line: first.line}),
      candidates: unique.map(describe),
      hint: 'Name one of them by file (chapter-7-<slug>) or path, or rename the duplicate in the nav.'
    })
  }
  throw new GuideError(`no chapter matches "${query}"`, {
    file: where,
    candidates: guide.chapters.map(describe),
    hint: 'Use `chapter-<number>` (chapter-7, chapter-2.2), a file name, a nav title or a path to a .md file.'
  })
}

function describe(chapter: Chapter): string {
  return `${chapter.slug || path.basename(chapter.file, '.md')}: ${chapter.title} (${chapter.path}${chapter.line === undefined ? '' : `, nav line ${chapter.line}`})`
}

function resolvePath(query: string, guide: Guide): Chapter | undefined {
  for (const base of [process.cwd(), guide.root, guide.docsDir]) {
    const file = path.resolve(base, query)
    const known = guide.chapters.find((chapter) => chapter.file === file)
    if (known) return known
    if (existsSync(file)) {
      let text = ''
      try {
        text = readFileSync(file, 'utf8')
      } catch {
        continue
      }
      const title = firstHeading(text) ?? path.basename(file, '.md')
      const number = chapterNumberFromTitle(title) ?? chapterNumberFromFile(file)
      const chapter: Chapter = {title, file, path: path.relative(guide.docsDir, file).split(path.sep).join('/'), section: [], slug: number === undefined ? '' : `chapter-${number}`, exists: true}
      if (number !== undefined) chapter.number = number
      return chapter
    }
  }
  return undefined
}
