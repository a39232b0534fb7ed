import type {ChapterReport, StepReport} from '../types.js'

const separator = ' › '

/**
 * Names for a chapter's steps that survive edits elsewhere in the doc: the
 * heading path and the step's kind (a file step adds its path), numbered
 * only among steps of the same name under the same heading. Adding a
 * paragraph renames nothing; adding a step renames at most its siblings of
 * the same kind in its section. Line numbers never enter a name.
 */
export function stableStepNames(chapter: ChapterReport): string[] {
  const bases = chapter.steps.map((step) => baseName(step, chapter.title))
  return numberDuplicates(bases)
}

/** `check NAME`, numbered when a chapter has two checks of one name. */
export function stableCheckNames(chapter: ChapterReport): string[] {
  return numberDuplicates(chapter.checks.map((check) => `check ${check.name}`))
}

function baseName(step: StepReport, chapterTitle: string): string {
  const what = step.kind === 'file' ? `file ${step.title ?? ''}`.trim() : step.kind === 'expect' ? 'expected output' : 'command'
  if (step.headings === undefined) return `${what} ${step.id}`
  // The chapter's own title is the suite's name already.
  const headings = step.headings[0] === chapterTitle ? step.headings.slice(1) : step.headings
  return [...headings, what].join(separator)
}

function numberDuplicates(names: readonly string[]): string[] {
  const totals = new Map<string, number>()
  for (const name of names) totals.set(name, (totals.get(name) ?? 0) + 1)
  const seen = new Map<string, number>()
  return names.map((name) => {
    if (totals.get(name) === 1) return name
    const index = (seen.get(name) ?? 0) + 1
    seen.set(name, index)
    return `${name} #${index}`
  })
}
