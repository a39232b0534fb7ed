import type {VerifyOptions} from '../args.js'
import type {Io} from '../main.js'
import {exitCodes} from '../main.js'
import {renderPlanScript, renderPlanText} from '../../../dry-run/index.js'
import type {PreparedChapter} from '../../../dry-run/index.js'
import {configForChapter} from '../../../config/index.js'
import {predecessorsOf} from '../../../verify/lib/chain.js'
import type {Workspace} from '../../../verify/lib/load-workspace.js'
import {planFor, prepareVariant} from '../../../verify/lib/prepare-chapter.js'
import {builtInStandIns} from '../../../verify/lib/built-in-stand-ins.js'
import type {Chapter} from '../../../guide/index.js'
import {version} from '../../../version.js'

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
    variants: prepared.map((chapter) => ({
      id: chapter.variant.id,
      choices: chapter.variant.choices,
      needs: chapter.needs,
      placeholders: chapter.placeholders,
      steps: chapter.steps.map(({step, text, standIns}) => ({...step, run: text, standIns}))
    }))
  }
}

/** `docs-verify <chapter> --dry-run`: what a learner would do, nothing run. */
export async function dryRunCommand(chapters: readonly Chapter[], options: VerifyOptions, workspace: Workspace, io: Io): Promise<number> {
  const outputs: string[] = []
  const json: object[] = []
  for (const chapter of chapters) {
    const {plan, variants} = await planFor(chapter, {cwd: io.cwd, ...options})
    const prepared = variants.map((variant) =>
      prepareVariant(plan, variant, {
        cwd: io.cwd,
        ...options,
        config: configForChapter(workspace.config, chapter),
        builtInStandIns: builtInStandIns()
      })
    )
    const runsFirst = predecessorsOf(chapter, workspace.guide, configForChapter(workspace.config, chapter), options.from).map((before) => before.slug || before.title)
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
    io.stdout.write(JSON.stringify({tool: 'docs-verify', version, chapters: json}, null, 2) + '\n')
  } else {
    io.stdout.write(outputs.join('\n'))
  }
  return exitCodes.passed
}
