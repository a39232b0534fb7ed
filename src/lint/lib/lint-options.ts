import type {ChapterPlan} from '../../plan/types.js'

/** Turns a chapter into a plan (the extractor's `planChapter`). */
export type Planner = (text: string, file: string) => ChapterPlan

export interface LintOptions {
  /** Rule ids to leave out. */
  disable?: string[]
  /** The files given are the whole guide in nav order: a variable no chapter
   * binds is an error rather than a warning. */
  wholeGuide?: boolean
  /** Variables exported by chapters before the ones given. */
  inheritedBindings?: string[]
  /** lintText only: a plan for the text, instead of running the planner. */
  plan?: ChapterPlan
  /** How to plan a chapter; defaults to the extractor. */
  planner?: Planner
}
