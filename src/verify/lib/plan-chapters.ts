import {builtInStandIns} from '../../cloud/index.js'
import {configForChapter} from '../../config/index.js'
import type {Chapter} from '../../guide/index.js'
import type {ChapterPlan, PreparedChapter} from '../../plan/index.js'
import type {Shard} from '../../shard/index.js'
import {buildChains} from './build-chains.js'
import {predecessorsOf} from './chain.js'
import {assertPlanned} from './nothing-to-verify.js'
import type {Workspace} from './load-workspace.js'
import {planFor, prepareVariant} from './prepare-chapter.js'
import {chainsOfShard} from './shard-chains.js'

/** What to plan: the chapters and the choices a run would make. */
export interface PlanRequest {
  workspace: Workspace
  chapters: readonly Chapter[]
  cwd: string
  provider?: string
  tabs?: readonly string[]
  set?: Record<string, string>
  from?: string
  /** Only the chapter variants this shard would verify. */
  shard?: Shard
}

/** One chapter as a run would take it, nothing run. */
export interface PlannedChapter {
  plan: ChapterPlan
  /** The chosen variants, placeholders filled and stand-ins applied
   * (with a shard: only the shard's; may be empty). */
  prepared: PreparedChapter[]
  /** The chapters that run first in the same sandbox (slug or title). */
  runsFirst: string[]
}

/** The chapter variants the shard verifies, as `file\0variant` keys: the
 * very selection a run makes. */
async function variantsOfShard(request: PlanRequest, shard: Shard): Promise<Set<string>> {
  const chains = await buildChains(request.chapters, {
    cwd: request.cwd,
    guide: request.workspace.guide,
    config: request.workspace.config,
    ...(request.provider === undefined ? {} : {provider: request.provider}),
    ...(request.tabs === undefined ? {} : {tabs: request.tabs}),
    ...(request.set === undefined ? {} : {set: request.set}),
    ...(request.from === undefined ? {} : {from: request.from}),
    builtInStandIns: builtInStandIns()
  })
  const keys = new Set<string>()
  for (const chain of chainsOfShard(chains, shard)) {
    for (const link of chain.links) if (link.role === 'target') keys.add(`${link.prepared.plan.file}\0${link.prepared.variant.id}`)
  }
  return keys
}

/** What a learner would do in each chapter (`--dry-run`): the plan and
 * every chosen variant as it would run, nothing run. With a shard, the
 * chapters the shard does not verify are left out. */
export async function planChapters(request: PlanRequest): Promise<PlannedChapter[]> {
  const {workspace, cwd} = request
  const inShard = request.shard === undefined ? undefined : await variantsOfShard(request, request.shard)
  const planned: PlannedChapter[] = []
  for (const chapter of request.chapters) {
    const {plan, variants} = await planFor(chapter, request)
    assertPlanned(plan)
    const config = configForChapter(workspace.config, chapter)
    const prepared = variants
      .filter((variant) => inShard === undefined || inShard.has(`${plan.file}\0${variant.id}`))
      .map((variant) =>
        prepareVariant(plan, variant, {
          cwd,
          ...(request.set === undefined ? {} : {set: request.set}),
          config,
          builtInStandIns: builtInStandIns()
        })
      )
    const runsFirst = predecessorsOf(chapter, workspace.guide, config, request.from).map((before) => before.slug || before.title)
    if (inShard !== undefined && prepared.length === 0) continue
    planned.push({plan, prepared, runsFirst})
  }
  return planned
}
