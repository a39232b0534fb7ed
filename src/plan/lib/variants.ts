/**
 * Variants of a chapter: one per consistent choice of content tabs. A tab
 * dimension is a set of labels; every group with the same labels takes the
 * same choice. Only tabs that hold steps become choices.
 */
import type {ChapterPlan, Diagnostic, Step, Variant} from '../types.js'
import {slugify} from './slug.js'

/** Where a step sits: the tab groups and labels enclosing it, outermost first. */
export interface TabPlacement {
  label: string
  group: number
}

export interface TabGroupInfo {
  /** 1-based line of the group's first tab. */
  id: number
  labels: string[]
}

export interface BuiltVariants {
  variants: Variant[]
  notes: Diagnostic[]
}

interface Dimension {
  name: string
  choices: string[]
}

const maxVariants = 64

/** Build every variant of a chapter from its steps and tab groups. */
export function buildVariants(
  steps: Step[],
  tabsOf: Map<string, TabPlacement[]>,
  groups: TabGroupInfo[],
  file: string
): BuiltVariants {
  const notes: Diagnostic[] = []
  const keyOf = new Map<number, string>()
  for (const group of groups) keyOf.set(group.id, dimensionKey(group.labels))
  const holding = new Set<string>()
  const commanding = new Set<number>()
  for (const step of steps) {
    for (const tab of tabsOf.get(step.id) ?? []) {
      holding.add(`${tab.group}\u0000${tab.label}`)
      if (step.kind === 'command') commanding.add(tab.group)
    }
  }
  const dimensions = new Map<string, Dimension>()
  for (const group of groups) {
    const key = keyOf.get(group.id)!
    if (!commanding.has(group.id)) {
      notes.push({
        file,
        line: group.id,
        column: 1,
        severity: 'info',
        rule: 'tab-group-without-commands',
        message: `Tab group (${group.labels.join(' | ')}) holds no commands: it adds no variant.`
      })
    }
    let dimension = dimensions.get(key)
    if (!dimension) {
      dimension = {name: dimensionName(group.labels), choices: []}
      dimensions.set(key, dimension)
    }
    for (const label of group.labels) {
      if (holding.has(`${group.id}\u0000${label}`) && !dimension.choices.includes(label)) dimension.choices.push(label)
    }
  }
  const active = [...dimensions.entries()].filter(([, dimension]) => dimension.choices.length > 0)
  let combinations: Map<string, string>[] = [new Map()]
  for (const [key, dimension] of active) {
    const next: Map<string, string>[] = []
    for (const combination of combinations) {
      for (const label of dimension.choices) next.push(new Map(combination).set(key, label))
    }
    combinations = next
  }
  if (combinations.length > maxVariants) {
    notes.push({
      file,
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'too-many-variants',
      message: `${combinations.length} tab combinations; only the first ${maxVariants} are planned. Select tabs explicitly to plan others.`
    })
    combinations = combinations.slice(0, maxVariants)
  }
  const variants = combinations.map((combination): Variant => {
    const choices = active.map(([key, dimension]) => {
      const label = combination.get(key)!
      return {dimension: dimension.name, label, slug: slugify(label)}
    })
    return {
      id: choices.length === 0 ? 'default' : choices.map((choice) => choice.slug).join('+'),
      choices,
      steps: steps.filter((step) =>
        (tabsOf.get(step.id) ?? []).every((tab) => combination.get(keyOf.get(tab.group) ?? '') === tab.label)
      )
    }
  })
  return {variants, notes}
}

function dimensionKey(labels: string[]): string {
  return [...new Set(labels)].sort().join('\u0001')
}

const dimensionNames: [string, RegExp][] = [
  ['provider', /google cloud|\bgcp\b|amazon|\baws\b|azure|exoscale|kubernetes|cloud provider|\bcloud\b/i],
  ['forge', /github|gitlab|bitbucket|gitea|forgejo/i],
  ['os', /linux|macos|windows|\bwsl\b/i],
  ['installer', /\bpip\b|\buv\b|conda|poetry|pipenv/i]
]

/** `provider`, `forge`, `os`, `installer`, or the labels themselves. */
function dimensionName(labels: string[]): string {
  for (const [name, pattern] of dimensionNames) if (labels.some((label) => pattern.test(label))) return name
  return labels.join(' | ')
}

export interface VariantSelection {
  /** A provider tab, by label or slug (`Google Cloud`, `google-cloud`). */
  provider?: string
  /** Any tabs, by label or slug (`GitHub`, `linux`). */
  tabs?: string[]
}

/**
 * The variants that choose the requested tabs. A request no variant can
 * satisfy (a chapter without provider tabs) does not filter: options are
 * guide-wide, chapters differ.
 */
export function selectVariants(plan: ChapterPlan, selection: VariantSelection = {}): Variant[] {
  const chooses = (variant: Variant, value: string, dimension?: string): boolean =>
    variant.choices.some(
      (choice) =>
        (dimension === undefined || choice.dimension === dimension) &&
        (choice.label.toLowerCase() === value.trim().toLowerCase() || choice.slug === slugify(value))
    )
  let variants = plan.variants
  const requests: [string, string | undefined][] = (selection.tabs ?? []).map((tab) => [tab, undefined])
  if (selection.provider !== undefined) {
    const hasProvider = variants.some((variant) => variant.choices.some((choice) => choice.dimension === 'provider'))
    requests.unshift([selection.provider, hasProvider ? 'provider' : undefined])
  }
  for (const [value, dimension] of requests) {
    const matching = variants.filter((variant) => chooses(variant, value, dimension))
    if (matching.length > 0 || dimension === 'provider') variants = matching
  }
  return variants
}
