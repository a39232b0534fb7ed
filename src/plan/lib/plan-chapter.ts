/**
 * Markdown chapter -> `ChapterPlan`: parse the dialect, collect code blocks,
 * classify steps, build tab variants. Never throws: problems are notes.
 */
import type {ChapterPlan, CommandStep, Diagnostic, PlaceholderUse, Step, VariableUse} from '../types.js'
import {chapterSlug} from './slug.js'
import {buildVariants} from './variants.js'
import {buildSteps} from './build-steps.js'
import {collectCode} from '../../extract/index.js'
import type {Prose} from '../../extract/index.js'
import {findPlaceholders} from './placeholders.js'
import {splitLines} from '../../extract/index.js'
import {parseMarkdown} from '../../extract/index.js'

export interface PlanOptions {
  /** Title from the guide's nav, used when the chapter has no `#` heading. */
  title?: string
  /** Parse for planning only: blocks, no inline content (default: true).
   * false plans from the full mdast (same plan, slower). */
  fastParse?: boolean
}

/** Variables every shell has: reading them needs no earlier chapter. */
const shellVariables = new Set(['HOME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'SHELL', 'TMPDIR', 'LANG', 'HOSTNAME', 'RANDOM', 'UID', 'EUID', 'IFS', 'TERM', 'PS1'])

/** Plan one chapter. */
export function planChapter(text: string, file: string, options: PlanOptions = {}): ChapterPlan {
  try {
    return plan(text, file, options)
  } catch (error) {
    // A bug here must not stop a whole guide's run: report it on the chapter.
    const title = options.title ?? file
    return {
      file,
      title,
      slug: chapterSlug(title, file),
      variants: [],
      placeholders: [],
      inheritedVariables: [],
      blocks: [],
      notes: [{file, line: 1, column: 1, severity: 'error', rule: 'internal-error', message: `docs-verify could not plan this chapter (${String(error)}); please report it with the file.`}]
    }
  }
}

function plan(text: string, file: string, options: PlanOptions): ChapterPlan {
  const lines = splitLines(text)
  const root = parseMarkdown(text, file, options.fastParse === false ? {lines} : {inline: false, lines})
  const collected = collectCode(root, text)
  const built = buildSteps(collected.codes, lines, file)
  keepAskedPlaceholders(built.steps, collected.paragraphs)
  const groups = collected.groups.map((group) => ({id: group.id, labels: group.tabs.map((tab) => tab.label)}))
  const variants = buildVariants(built.steps, built.tabsOf, groups, file)
  const placeholders: PlaceholderUse[] = []
  for (const step of built.steps) {
    for (const use of step.placeholders) {
      if (placeholders.some((known) => known.key === use.key)) continue
      const example = built.examples.get(use.key)
      placeholders.push(example ? {...use, example} : {...use})
    }
  }
  const commands = built.steps.filter((step): step is CommandStep => step.kind === 'command')
  const bound = new Set(commands.flatMap((step) => step.binds))
  const inheritedVariables: VariableUse[] = []
  for (const step of commands) {
    for (const use of step.uses) {
      if (bound.has(use.name) || shellVariables.has(use.name)) continue
      if (!inheritedVariables.some((known) => known.name === use.name)) inheritedVariables.push(use)
    }
  }
  const notes: Diagnostic[] = [...(root.data?.diagnostics ?? []), ...built.notes, ...variants.notes]
  // A chapter the parser refused has no steps for that reason, which its own note says.
  const refused = notes.some((note) => note.rule === 'nesting-too-deep')
  if (built.steps.length === 0 && text.trim() !== '' && !refused) {
    notes.push({file, line: 1, column: 1, severity: 'info', rule: 'no-steps', message: 'No runnable block found: nothing to verify in this chapter.'})
  }
  if (text.trim() === '') notes.push({file, line: 1, column: 1, severity: 'warning', rule: 'empty-file', message: 'The chapter is empty: check the file or the nav entry.'})
  notes.sort((a, b) => a.line - b.line || a.column - b.column)
  const title = collected.title ?? options.title ?? (file.split(/[\\/]/).pop() ?? file)
  return {
    file,
    title,
    slug: chapterSlug(title, file),
    variants: variants.variants,
    placeholders,
    inheritedVariables,
    blocks: built.blocks,
    notes
  }
}

const askVerb = /\b(?:replace|substitute|fill in|change|set|enter|choose|with (?:your|the) own|your own)\b/i

/**
 * A token is the learner's to fill when it stands in a command they type
 * or the prose asks to replace it; inside file contents and expected
 * outputs every other `<token>` is text the doc shows (a usage string like
 * `prepare.py <raw-dataset-folder>`), kept as written.
 */
function keepAskedPlaceholders(steps: Step[], paragraphs: Prose[]): void {
  const commandKeys = new Set(steps.flatMap((step) => (step.kind === 'command' ? step.placeholders.map((use) => use.key) : [])))
  const askedAt = new Map<string, number>()
  for (const paragraph of paragraphs) {
    if (!askVerb.test(paragraph.text)) continue
    for (const match of findPlaceholders(paragraph.raw)) if (!askedAt.has(match.key)) askedAt.set(match.key, paragraph.line + match.lineIndex)
  }
  for (const step of steps) {
    if (step.kind === 'command') continue
    const kept: PlaceholderUse[] = []
    for (const use of step.placeholders) {
      const asked = askedAt.get(use.key)
      if (asked !== undefined) kept.push({...use, because: {kind: 'prose', line: asked}})
      else if (commandKeys.has(use.key)) kept.push({...use, because: {kind: 'command'}})
    }
    const left = step.placeholders.filter((use) => !kept.some((keep) => keep.offset === use.offset))
    if (left.length > 0 && step.kind === 'file') {
      const raws = [...new Set(left.map((use) => use.raw))].join(', ')
      step.notes.push(`kept as written: ${raws} (no prose asks to replace it and no command uses it)`)
    }
    step.placeholders = kept
  }
}
