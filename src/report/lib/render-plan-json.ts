import {coverageOf} from '../../plan/index.js'
import type {ChapterPlan, PreparedChapter} from '../../plan/index.js'

/** One chapter as `--dry-run` plans it. */
export interface PlanJsonChapter {
  plan: ChapterPlan
  /** The chosen variants as they would run (may be empty). */
  prepared: readonly PreparedChapter[]
  /** The chapters that run first in the same sandbox. */
  runsFirst: readonly string[]
}

/** The network the steps would get (with --sandbox bwrap/auto where
 * bubblewrap works). */
export interface PlanNetwork {
  sandbox: string
  allowHosts: string[]
  standIns: string
  alwaysDenied: string[]
}

export interface PlanJsonOptions {
  version: string
  network: PlanNetwork
}

function chapterJson({plan, prepared, runsFirst}: PlanJsonChapter): object {
  if (prepared.length === 0) return {file: plan.file, title: plan.title, slug: plan.slug, runsFirst, notes: plan.notes, variants: []}
  return {
    file: plan.file,
    title: plan.title,
    slug: plan.slug,
    runsFirst,
    inheritedVariables: plan.inheritedVariables,
    notes: plan.notes,
    blocks: plan.blocks,
    variants: prepared.map((chapter) => ({
      id: chapter.variant.id,
      choices: chapter.variant.choices,
      needs: chapter.needs,
      placeholders: chapter.placeholders,
      coverage: coverageOf(chapter),
      steps: chapter.steps.map(({step, text, standIns}) => ({...step, run: text, standIns}))
    }))
  }
}

/** `--dry-run --format json`: the plan of every chapter, for another tool
 * (the shape is documented in docs/cli.md, "The plan as JSON"). */
export function renderPlanJson(chapters: readonly PlanJsonChapter[], options: PlanJsonOptions): string {
  return JSON.stringify({tool: 'docs-verify', version: options.version, network: options.network, chapters: chapters.map(chapterJson)}, null, 2) + '\n'
}
