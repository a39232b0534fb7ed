import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Chapter} from '../../guide/index.js'
import {planChapter, prepareVariant as prepareInPlan, selectVariants} from '../../plan/index.js'
import type {ChapterPlan, PrepareOptions as PlanPrepareOptions, PreparedChapter, Variant} from '../../plan/index.js'
import {InputError} from './input-error.js'
import {notText} from './nothing-to-verify.js'
import {bindSandboxPlaceholders} from '../../cloud/index.js'

export interface PrepareOptions extends Omit<PlanPrepareOptions, 'bindSandbox'> {
  /** Where paths in the plan are shown relative to. */
  cwd: string
  provider?: string
  tabs?: readonly string[]
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

/** One variant of a chapter as it will run (src/plan's prepare stage),
 * with the values the sandbox decides. */
export function prepareVariant(plan: ChapterPlan, variant: Variant, options: PrepareOptions): PreparedChapter {
  return prepareInPlan(plan, variant, {...options, bindSandbox: bindSandboxPlaceholders})
}
