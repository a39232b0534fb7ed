import {configForChapter} from '../../config/index.js'
import type {Config, StandIn} from '../../config/index.js'
import type {Chapter, Guide} from '../../guide/index.js'
import {predecessorsOf} from './chain.js'
import {planFor, prepareVariant} from './prepare-chapter.js'
import type {ChainLink} from './run-chain.js'

export interface VerifyChain {
  /** Stable across runs and shards: `chapter-7[google-cloud]`. */
  id: string
  links: ChainLink[]
}

export interface ChainRequest {
  cwd: string
  guide: Guide | undefined
  config: Config
  provider?: string
  tabs?: readonly string[]
  set?: Record<string, string>
  from?: string
  builtInStandIns: readonly StandIn[]
}

async function linkFor(chapter: Chapter, request: ChainRequest, role: ChainLink['role'], variantId?: string): Promise<ChainLink[]> {
  const {plan, variants} = await planFor(chapter, request)
  const config = configForChapter(request.config, chapter)
  const chosen = variantId === undefined ? variants : variants.filter((variant) => variant.id === variantId)
  return chosen.map((variant) => ({
    prepared: prepareVariant(plan, variant, {...request, config, builtInStandIns: request.builtInStandIns}),
    config,
    role
  }))
}

/**
 * The chains to run for the selected chapters, each in its own sandbox:
 * chapters selected together run as one chain in nav order, after the
 * chapters the first one needs (--from, or all earlier ones when it
 * continues them); every further variant of a chapter gets a chain of its
 * own that replays the chapters before it (the snapshot cache makes that
 * replay cheap).
 */
export async function buildChains(selected: readonly Chapter[], request: ChainRequest): Promise<VerifyChain[]> {
  if (selected.length === 0) return []
  const first = selected[0]!
  const firstLinks = await linkFor(first, request, 'target')
  // A declared setup gives the starting state instead of earlier chapters.
  const reasons = firstLinks.some((link) => link.config.setup) ? [] : firstLinks.flatMap((link) => link.prepared.needs)
  const setupChapters = predecessorsOf(first, request.guide, reasons, request.from).filter(
    (chapter) => !selected.some((picked) => picked.file === chapter.file)
  )
  const prefix: ChainLink[] = []
  for (const chapter of setupChapters) {
    const [link] = await linkFor(chapter, request, 'setup')
    if (link) prefix.push(link)
  }
  const chains: VerifyChain[] = []
  const main: ChainLink[] = [...prefix]
  const pending: {chapter: Chapter; links: ChainLink[]}[] = [{chapter: first, links: firstLinks}]
  for (const chapter of selected.slice(1)) pending.push({chapter, links: await linkFor(chapter, request, 'target')})
  for (const {links} of pending) {
    const [primary, ...others] = links
    for (const other of others) {
      chains.push({id: `${other.prepared.plan.slug || other.prepared.plan.file}[${other.prepared.variant.id}]`, links: [...main, other]})
    }
    if (primary) main.push(primary)
  }
  const last = main.at(-1)
  if (last) {
    const head = main.find((link) => link.role === 'target') ?? last
    const id = `${head.prepared.plan.slug || head.prepared.plan.file}[${head.prepared.variant.id}]${main.length > 1 ? `..${last.prepared.plan.slug}` : ''}`
    chains.unshift({id, links: main})
  }
  return chains
}
