import type {VerifyOptions} from '../args.js'
import type {Io} from '../main.js'
import {exitCodes} from '../main.js'
import {coverageOf, renderPlanScript, renderPlanText} from '../../../dry-run/index.js'
import type {PreparedChapter} from '../../../plan/index.js'
import {configForChapter} from '../../../config/index.js'
import {predecessorsOf} from '../../../verify/lib/chain.js'
import type {Workspace} from '../../../verify/lib/load-workspace.js'
import {planFor, prepareVariant} from '../../../verify/lib/prepare-chapter.js'
import {builtInStandIns} from '../../../verify/lib/built-in-stand-ins.js'
import type {Chapter} from '../../../guide/index.js'
import {version} from '../../../version.js'
import {buildChains} from '../../../verify/lib/build-chains.js'
import {chainsOfShard} from '../shard-selection.js'
import {alwaysDeniedHosts, defaultNetworkPolicy} from '../../../runner/index.js'

/** The network steps would get (with --sandbox bwrap/auto where bubblewrap works). */
function networkPolicy(options: VerifyOptions, workspace: Workspace, env: Readonly<Record<string, string | undefined>>): {sandbox: string; allowHosts: string[]; standIns: string; alwaysDenied: string[]} {
  const policy = defaultNetworkPolicy(workspace.config.sandbox?.allowHosts ?? [], env)
  return {
    sandbox: options.sandbox ?? workspace.config.sandbox?.mode ?? 'auto',
    allowHosts: policy.allowHosts,
    standIns: 'the local stand-ins (fake-gcs-server, control plane) at their 127.0.0.1 ports',
    alwaysDenied: [...alwaysDeniedHosts]
  }
}

function networkText(policy: ReturnType<typeof networkPolicy>): string {
  const mode = policy.sandbox === 'none' ? 'sandbox none: steps are NOT isolated and the network is not filtered' : `sandbox ${policy.sandbox}: under bubblewrap steps reach only`
  if (policy.sandbox === 'none') return `network: ${mode}\n`
  return `network: ${mode} ${policy.allowHosts.join(', ')} and ${policy.standIns}; always denied: ${policy.alwaysDenied.join(', ')}\n`
}

function planJson(prepared: PreparedChapter[], runsFirst: string[]): object {
  const first = prepared[0]!
  const {plan} = first
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

/** The chapter variants `--shard` gives this shard to verify, as
 * `file\0variant` keys: the very selection a run makes. */
async function variantsOfShard(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, cwd: string): Promise<Set<string>> {
  const chains = await buildChains(chapters, {
    cwd,
    guide: workspace.guide,
    config: workspace.config,
    ...(options.provider === undefined ? {} : {provider: options.provider}),
    tabs: options.tabs,
    set: options.set,
    ...(options.from === undefined ? {} : {from: options.from}),
    builtInStandIns: builtInStandIns()
  })
  const keys = new Set<string>()
  for (const chain of chainsOfShard(chains, options.shard!)) {
    for (const link of chain.links) if (link.role === 'target') keys.add(`${link.prepared.plan.file}\0${link.prepared.variant.id}`)
  }
  return keys
}

/** `docs-verify <chapter> --dry-run`: what a learner would do, nothing run. */
export async function dryRunCommand(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, io: Io): Promise<number> {
  const outputs: string[] = []
  const json: object[] = []
  const inShard = options.shard === undefined ? undefined : await variantsOfShard(chapters, options, workspace, io.cwd)
  for (const chapter of chapters) {
    const {plan, variants} = await planFor(chapter, {cwd: io.cwd, ...options})
    const prepared = variants.filter((variant) => inShard === undefined || inShard.has(`${plan.file}\0${variant.id}`)).map((variant) =>
      prepareVariant(plan, variant, {
        cwd: io.cwd,
        ...options,
        config: configForChapter(workspace.config, chapter),
        builtInStandIns: builtInStandIns()
      })
    )
    const runsFirst = predecessorsOf(chapter, workspace.guide, configForChapter(workspace.config, chapter), options.from).map((before) => before.slug || before.title)
    if (inShard !== undefined && prepared.length === 0) continue
    if (options.format === 'json') {
      if (prepared.length > 0) json.push(planJson(prepared, runsFirst))
      else json.push({file: plan.file, title: plan.title, slug: plan.slug, runsFirst, notes: plan.notes, variants: []})
      continue
    }
    if (prepared.length === 0) {
      outputs.push(`${plan.title}  (${plan.file})\nno steps: nothing a learner runs or writes\n`)
      continue
    }
    for (const variant of prepared) {
      if (options.format === 'sh') {
        outputs.push(renderPlanScript(variant))
      } else {
        const header = runsFirst.length > 0 ? `runs first, in the same sandbox: ${runsFirst.join(', ')}\n` : ''
        outputs.push(header + renderPlanText(variant))
      }
    }
  }
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify({tool: 'docs-verify', version, network: networkPolicy(options, workspace, io.env), chapters: json}, null, 2) + '\n')
  } else {
    io.stdout.write(outputs.join('\n'))
    if (options.format === 'text') io.stdout.write(`\n${networkText(networkPolicy(options, workspace, io.env))}`)
  }
  return exitCodes.passed
}
