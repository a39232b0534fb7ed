import type {Chapter, Guide} from '../../guide/index.js'
import {chaptersBetween} from './select-chapters.js'
import {resolveChapter} from '../../guide/index.js'

/** The chapters to run before `target`, oldest first: those from `--from`
 * when given; else, when the chapter needs earlier state (`reasons`), every
 * numbered chapter before it in the nav; else none. */
export function predecessorsOf(target: Chapter, guide: Guide | undefined, reasons: readonly string[], from?: string): Chapter[] {
  if (guide === undefined) return []
  if (from !== undefined) return chaptersBetween(resolveChapter(from, guide), target, guide)
  if (reasons.length === 0) return []
  const index = guide.chapters.findIndex((chapter) => chapter.file === target.file)
  if (index <= 0) return []
  return guide.chapters.slice(0, index).filter((chapter) => chapter.exists && chapter.slug !== '')
}
