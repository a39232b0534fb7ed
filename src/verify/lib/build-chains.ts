import {configForChapter} from '../../config/index.js'
import type {Config, StandIn} from '../../config/index.js'
import type {Chapter, Guide} from '../../guide/index.js'
import {predecessorsOf, startsOnItsOwn} from './chain.js'
import {assertVerifiable} from './nothing-to-verify.js'
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
  if (role === 'target') assertVerifiable(plan, variants.map((variant) => variant.steps.length))
  const config = configForChapter(request.config, chapter)
  const chosen = variantId === undefined ? variants : variants.filter((variant) => variant.id === variantId)
  // Variants that choose tabs without steps of their own (GitLab + Linux
  // and GitLab + macOS when GitLab has no OS tabs) run the same steps: once.
  const seen = new Set<string>()
  const distinct = chosen.filter((variant) => {
    const steps = variant.steps.map((step) => step.id).join(' ')
    if (seen.has(steps)) return false
    seen.add(steps)
    return true
  })
  return distinct.map((variant) => ({
    prepared: prepareVariant(plan, variant, {...request, config, builtInStandIns: request.builtInStandIns}),
    config,
    role
  }))
}

/** Why the chapter a chain starts with does not start where a learner
 * starts it, or undefined: the guide's chapters before it did not run
 * (`--from` a later one), or a loose chapter file numbered after 1 (or
 * using what it does not create) ran alone; a `setup` or `standalone` in
 * the configuration says it may. */
function startsElsewhere(chapter: Chapter, request: ChainRequest, needs: readonly string[]): string | undefined {
  const config = configForChapter(request.config, chapter)
  if (startsOnItsOwn(config) !== undefined) return undefined
  const listed = request.guide?.chapters.some((entry) => entry.file === chapter.file) === true
  if (listed) {
    const before = predecessorsOf(chapter, request.guide, config)
    return before.length === 0 ? undefined : `the chapters before ${chapter.slug || chapter.title} (${before.map((entry) => entry.slug || entry.title).join(', ')}) did not run first`
  }
  const number = Number(/^chapter-(\d+)/.exec(chapter.slug)?.[1] ?? '0')
  if (number > 1 || needs.length > 0) {
    return `${chapter.title} ran alone, outside its guide${needs.length > 0 ? ` (${needs.join('; ')})` : ''}: verify it inside its guide, or give it a setup or \`standalone: true\` in the configuration`
  }
  return undefined
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
  const setupChapters = predecessorsOf(first, request.guide, configForChapter(request.config, first), request.from).filter(
    (chapter) => !selected.some((picked) => picked.file === chapter.file)
  )
  const prefix: ChainLink[] = []
  for (const chapter of setupChapters) {
    const [link] = await linkFor(chapter, request, 'setup')
    if (link) prefix.push(link)
  }
  const start = prefix[0] ? setupChapters[0]! : first
  const untrustedStart = startsElsewhere(start, request, (prefix[0] ? [prefix[0]] : firstLinks).flatMap((link) => link.prepared.needs))
  if (untrustedStart !== undefined) for (const link of prefix[0] ? [prefix[0]] : firstLinks) link.untrustedStart = untrustedStart
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

function weight(link: ChainLink): number {
  return Math.max(1, link.prepared.steps.length)
}

/**
 * For `--shard i/n`: cut a chain with several target chapters into up to
 * `count` chains with contiguous, step-balanced groups of targets, so a
 * one-chain guide still spreads across CI runners. Each group replays the
 * chapters before it as setup (restored from the snapshot cache when
 * warm); every target stays in exactly one group.
 */
export function splitForShards(chains: readonly VerifyChain[], count: number): VerifyChain[] {
  return chains.flatMap((chain) => {
    const targets = chain.links.flatMap((link, index) => (link.role === 'target' ? [index] : []))
    const groups = Math.min(count, targets.length)
    if (groups < 2) return [chain]
    const total = targets.reduce((sum, index) => sum + weight(chain.links[index]!), 0)
    const cuts: number[][] = [[]]
    let done = 0
    for (const index of targets) {
      const current = cuts.at(-1)!
      const remainingGroups = groups - cuts.length
      const remainingTargets = targets.length - targets.indexOf(index)
      if (current.length > 0 && remainingGroups > 0 && (done >= (total * cuts.length) / groups || remainingTargets <= remainingGroups)) cuts.push([])
      cuts.at(-1)!.push(index)
      done += weight(chain.links[index]!)
    }
    return cuts.map((group) => {
      const first = group[0]!
      const last = group.at(-1)!
      const links = chain.links.slice(0, last + 1).map((link, index): ChainLink => (index < first ? {...link, role: 'setup'} : link))
      const name = (index: number): string => chain.links[index]!.prepared.plan.slug || String(index)
      return {id: `${chain.id}#${name(first)}..${name(last)}`, links}
    })
  })
}
