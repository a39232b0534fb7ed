import {existsSync} from 'node:fs'
import path from 'node:path'
import {resolveChapter} from '../../guide/index.js'
import type {Chapter, Guide} from '../../guide/index.js'
import {InputError} from './input-error.js'

/** A Markdown file named by path that no nav lists (a seed chapter, a copy):
 * still verifiable on its own. */
function looseChapter(file: string): Chapter {
  const base = path.basename(file, '.md')
  const number = /^chapter-(\d+(?:\.\d+)?)/.exec(base)?.[1]
  return {title: base, file, path: file, section: [], slug: number === undefined ? '' : `chapter-${number}`, exists: true}
}

function resolveOne(target: string, guide: Guide | undefined, cwd: string): Chapter {
  const asPath = path.resolve(cwd, target)
  if (/\.md$/i.test(target) && existsSync(asPath)) {
    const listed = guide?.chapters.find((chapter) => chapter.file === asPath)
    return listed ?? looseChapter(asPath)
  }
  if (guide === undefined) {
    throw new InputError(`\`${target}\` is not a Markdown file, and there is no guide (mkdocs.yml / zensical.toml) here to look it up in`)
  }
  return resolveChapter(target, guide)
}

/** The chapters a user names, in the order they run: one chapter, `all`
 * (the numbered chapters in nav order, or every page when none is
 * numbered), a range `chapter-3..chapter-7` in nav order, or paths. */
export function selectChapters(targets: readonly string[], guide: Guide | undefined, cwd: string): Chapter[] {
  const selected: Chapter[] = []
  for (const target of targets) {
    if (target === 'all') {
      if (guide === undefined) throw new InputError('`all` needs a guide: run inside a folder with mkdocs.yml or zensical.toml, or pass --guide DIR')
      const numbered = guide.chapters.filter((chapter) => chapter.slug !== '' && chapter.exists)
      selected.push(...(numbered.length > 0 ? numbered : guide.chapters.filter((chapter) => chapter.exists)))
      continue
    }
    const range = /^(.+?)\.\.(.+)$/.exec(target)
    if (range && !existsSync(path.resolve(cwd, target))) {
      if (guide === undefined) throw new InputError(`the range \`${target}\` needs a guide with a nav to order chapters`)
      const from = resolveOne(range[1]!, guide, cwd)
      const to = resolveOne(range[2]!, guide, cwd)
      const start = guide.chapters.indexOf(from)
      const end = guide.chapters.indexOf(to)
      if (start < 0 || end < 0 || start > end) {
        throw new InputError(`the range \`${target}\` must go forward in nav order (${from.title} comes ${start > end ? 'after' : 'outside'} ${to.title})`)
      }
      selected.push(...guide.chapters.slice(start, end + 1).filter((chapter) => chapter.exists))
      continue
    }
    selected.push(resolveOne(target, guide, cwd))
  }
  return [...new Map(selected.map((chapter) => [chapter.file, chapter])).values()]
}

/** The chapters to run before `target` so it starts from the state it
 * expects: from `from` (a chapter) up to the one before `target`. */
export function chaptersBetween(from: Chapter, target: Chapter, guide: Guide): Chapter[] {
  const start = guide.chapters.findIndex((chapter) => chapter.file === from.file)
  const end = guide.chapters.findIndex((chapter) => chapter.file === target.file)
  if (start < 0 || end < 0 || start > end) {
    throw new InputError(`--from ${from.title}: it must come before ${target.title} in the guide's nav`)
  }
  return guide.chapters.slice(start, end).filter((chapter) => chapter.exists)
}
