import type {VerifyOptions} from '../args.js'
import type {Io} from '../io.js'
import {exitCodes} from '../exit-codes.js'
import {parseShardOption} from '../shard-option.js'
import {renderPlanJson, renderPlanNetwork, renderPlanScript, renderPlanText} from '../../../report/index.js'
import type {PlanNetwork} from '../../../report/index.js'
import {alwaysDeniedHosts, defaultNetworkPolicy} from '../../../runner/index.js'
import type {Chapter} from '../../../guide/index.js'
import {planChapters} from '../../../verify/index.js'
import type {Workspace} from '../../../verify/index.js'
import {version} from '../../../version.js'

/** The network steps would get (with --sandbox bwrap/auto where bubblewrap works). */
function networkOf(options: VerifyOptions, workspace: Workspace, env: NodeJS.ProcessEnv): PlanNetwork {
  const policy = defaultNetworkPolicy(workspace.config.sandbox?.allowHosts ?? [], env)
  return {
    sandbox: options.sandbox ?? workspace.config.sandbox?.mode ?? 'auto',
    allowHosts: policy.allowHosts,
    standIns: 'the local stand-ins (fake-gcs-server, control plane) at their 127.0.0.1 ports',
    alwaysDenied: [...alwaysDeniedHosts]
  }
}

/** `docs-verify <chapter> --dry-run`: what a learner would do, nothing run. */
export async function dryRunCommand(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, io: Io): Promise<number> {
  const shard = options.shard === undefined ? undefined : parseShardOption(options.shard)
  const planned = await planChapters({
    workspace,
    chapters,
    cwd: io.cwd,
    ...(options.provider === undefined ? {} : {provider: options.provider}),
    tabs: options.tabs,
    set: options.set,
    ...(options.from === undefined ? {} : {from: options.from}),
    ...(shard === undefined ? {} : {shard})
  })
  if (options.format === 'json') {
    io.stdout.write(renderPlanJson(planned, {version, network: networkOf(options, workspace, io.env)}))
    return exitCodes.passed
  }
  const outputs: string[] = []
  for (const {plan, prepared, runsFirst} of planned) {
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
  io.stdout.write(outputs.join('\n'))
  if (options.format === 'text') io.stdout.write(`\n${renderPlanNetwork(networkOf(options, workspace, io.env))}`)
  return exitCodes.passed
}
