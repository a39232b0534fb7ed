import type {ChapterConfig} from '../../config/index.js'
import type {Chapter, Guide} from '../../guide/index.js'
import {chaptersBetween} from './select-chapters.js'
import {resolveChapter} from '../../guide/index.js'

/** Why a chapter starts from an empty sandbox (or its `setup`) rather than
 * from the state the chapters before it leave; undefined when it does not. */
export function startsOnItsOwn(config: ChapterConfig): string | undefined {
  if (config.standalone === true) return 'the configuration marks it `standalone`'
  if (config.setup) return 'the configuration gives it a `setup`'
  return undefined
}

/** The chapters to run before `target`, oldest first, so it starts where
 * the learner is: those from `--from` when given; else none when the
 * configuration lets it start on its own (`standalone`, `setup`); else
 * every numbered chapter before it in the guide's nav. A learner reaches
 * chapter N having done 1 to N-1, whatever chapter N's commands look like
 * (chapter 2 may `git init` a repository over the files chapter 1 made). */
export function predecessorsOf(target: Chapter, guide: Guide | undefined, config: ChapterConfig, from?: string): Chapter[] {
  if (guide === undefined) return []
  if (from !== undefined) return chaptersBetween(resolveChapter(from, guide), target, guide)
  if (startsOnItsOwn(config) !== undefined) return []
  const index = guide.chapters.findIndex((chapter) => chapter.file === target.file)
  if (index <= 0) return []
  return guide.chapters.slice(0, index).filter((chapter) => chapter.exists && chapter.slug !== '')
}
