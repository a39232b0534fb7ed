import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {applyStandIns} from '../../config/index.js'
import type {ChapterConfig, StandIn} from '../../config/index.js'
import type {PreparedChapter, PreparedStep} from '../../dry-run/index.js'
import {planChapter} from '../../extract/index.js'
import type {Chapter} from '../../guide/index.js'
import {fillPlaceholders, resolvePlaceholders, selectVariants} from '../../plan/index.js'
import type {ChapterPlan, PlaceholderValue, Variant} from '../../plan/types.js'
import {InputError} from './input-error.js'
import {notText} from './nothing-to-verify.js'
import {reasonsToChain} from './needs-earlier-chapters.js'
import {bindSandboxPlaceholders} from './built-in-stand-ins.js'

export interface PrepareOptions {
  /** Where paths in the plan are shown relative to. */
  cwd: string
  provider?: string
  tabs?: readonly string[]
  /** `--set` values. */
  set?: Record<string, string>
  /** The configuration for this chapter (top level merged with its own). */
  config: ChapterConfig
  /** Stand-ins docs-verify declares itself (the cloud's interactive logins),
   * applied after the configuration's. */
  builtInStandIns?: readonly StandIn[]
}

/** How a file is named in plans and reports: relative to where the user
 * stands when that is short (`docs/guide/chapter-7-....md`, or
 * `../shared/seeds/....md`), else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  return relative === '' || relative.startsWith(`..${path.sep}..${path.sep}`) || path.isAbsolute(relative) ? file : relative
}

/** Read and plan a chapter: the plan and the variants the options choose. */
export async function planFor(chapter: Chapter, options: Pick<PrepareOptions, 'cwd' | 'provider' | 'tabs'>): Promise<{plan: ChapterPlan; variants: Variant[]}> {
  let text: string
  try {
    text = await readFile(chapter.file, 'utf8')
  } catch (error) {
    throw new InputError(`${chapter.file}: cannot read the chapter (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path or the nav entry`)
  }
  const binary = notText(text)
  if (binary !== undefined) throw new InputError(`${chapter.file}: not a Markdown text file (${binary}); check the path or the nav entry`)
  const plan = planChapter(text, displayPath(chapter.file, options.cwd), {title: chapter.title})
  const selection: {provider?: string; tabs?: string[]} = {}
  if (options.provider !== undefined) selection.provider = options.provider
  if (options.tabs !== undefined && options.tabs.length > 0) selection.tabs = [...options.tabs]
  const variants = selectVariants(plan, selection)
  if (variants.length === 0 && plan.variants.length > 0) {
    const known = plan.variants.map((variant) => variant.id).join(', ')
    throw new InputError(`${plan.file}: no variant chooses ${[options.provider, ...(options.tabs ?? [])].filter(Boolean).join(' + ')}; this chapter has: ${known}`)
  }
  return {plan, variants}
}

/** One variant of a chapter as it will run: placeholders filled in and
 * stand-ins applied, each recorded so dry-run and reports show them. */
export function prepareVariant(plan: ChapterPlan, variant: Variant, options: PrepareOptions): PreparedChapter {
  const placeholders: PlaceholderValue[] = bindSandboxPlaceholders(resolvePlaceholders(plan, {
    ...(options.set === undefined ? {} : {set: options.set}),
    ...(options.config.placeholders === undefined ? {} : {config: options.config.placeholders})
  }))
  const standIns = [...(options.config.standIns ?? []), ...(options.builtInStandIns ?? [])]
  const steps = variant.steps.map((step): PreparedStep => {
    const filled = fillPlaceholders(step.text, step.placeholders, placeholders)
    if (step.kind !== 'command' || standIns.length === 0) return {step, text: filled, typed: filled, standIns: []}
    const {text, applied} = applyStandIns(filled, standIns)
    return {step, text, typed: filled, standIns: applied}
  })
  const usedKeys = new Set(variant.steps.flatMap((step) => (step.kind === 'expect' ? [] : step.placeholders.map((use) => use.key))))
  return {
    plan,
    variant,
    placeholders: placeholders.filter((value) => usedKeys.has(value.key)),
    steps,
    needs: reasonsToChain(plan, variant.steps)
  }
}
