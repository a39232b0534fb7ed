/**
 * Turn collected code blocks into plan steps: commands (terminal-titled
 * blocks, plus untitled blocks that export what a later command reads),
 * files (path-titled blocks) and expected outputs (blocks after an
 * "output should be similar to this" cue).
 */
import type {ContainerDirective} from 'mdast-util-directive'
import type {CommandStep, Diagnostic, ExpectStep, FileStep, PlaceholderUse, Step} from '../../plan/types.js'
import type {CodeContext, Prose, TabRef} from './collect-code.js'
import {commandTitleCue, expectCue, fileModeCue, looksLikePath} from './cues.js'
import {parseFenceMeta} from './fence-meta.js'
import type {SourceLine} from './lines.js'
import {findPlaceholders} from './placeholders.js'
import {findBinds, findUses} from './shell-variables.js'

export interface PlaceholderExample {
  value: string
  line: number
}

export interface BuiltSteps {
  steps: Step[]
  /** Enclosing tabs of each step, by step id. */
  tabsOf: Map<string, TabRef[]>
  /** A value the doc suggests for a placeholder key ("For example, use `x`"). */
  examples: Map<string, PlaceholderExample>
  notes: Diagnostic[]
}

const shellLangs = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'shell-session', 'shellsession'])

interface Pending {
  step: Step
  containers: ContainerDirective[]
  context: CodeContext
}

/** Classify code blocks into steps, in document order. */
export function buildSteps(codes: CodeContext[], lines: SourceLine[], file: string): BuiltSteps {
  const built: BuiltSteps = {steps: [], tabsOf: new Map(), examples: new Map(), notes: []}
  const kept: Pending[] = []
  const bare: Pending[] = []
  for (const context of codes) {
    const step = classify(context, lines, file)
    if (!step) continue
    const pending = {step, containers: context.containers, context}
    if (step.kind === 'command' && !step.titled) bare.push(pending)
    else kept.push(pending)
  }
  for (const candidate of bare) {
    const command = candidate.step as CommandStep
    const user = kept.find(
      (other) =>
        other.step.kind === 'command' &&
        other.step.line > command.line &&
        other.step.uses.some((use) => command.binds.includes(use.name))
    )
    if (!user) continue
    const used = (user.step as CommandStep).uses.filter((use) => command.binds.includes(use.name)).map((use) => `$${use.name}`)
    command.notes.push(`untitled block kept: it sets ${used.join(', ')} that the command at line ${user.step.line} reads`)
    kept.push(candidate)
  }
  kept.sort((a, b) => a.step.line - b.step.line)
  for (const pending of kept) {
    built.steps.push(pending.step)
    built.tabsOf.set(pending.step.id, pending.context.tabs)
    if (pending.step.kind !== 'expect') collectExamples(pending.step, pending.context, built.examples)
    if (pending.step.kind === 'file' && pending.step.hlLines.some((line) => line > pending.step.text.split('\n').length)) {
      built.notes.push({
        file,
        line: pending.step.line,
        column: pending.context.node.position?.start.column ?? 1,
        severity: 'warning',
        rule: 'hl-lines-out-of-range',
        message: `hl_lines ${pending.step.hlLines.join(' ')} points past the ${pending.step.text.split('\n').length} line(s) of ${pending.step.path}: fix the hl_lines attribute.`
      })
    }
  }
  bindExpectations(kept)
  return built
}

function classify(context: CodeContext, lines: SourceLine[], file: string): Step | undefined {
  const node = context.node
  const meta = parseFenceMeta(node.meta)
  const line = node.position?.start.line ?? 1
  const endLine = node.position?.end.line ?? line
  const text = node.value
  const lang = node.lang ?? undefined
  const base = {
    file,
    line,
    endLine,
    headings: context.headings,
    tabs: context.tabs.map((tab) => tab.label),
    ...(meta.title === undefined ? {} : {title: meta.title}),
    ...(lang === undefined ? {} : {lang}),
    text,
    notes: [] as string[]
  }
  const terminal = commandTitleCue(meta.title)
  if (terminal) {
    const step: CommandStep = {
      id: `command@${line}`,
      kind: 'command',
      ...base,
      concurrent: terminal.concurrent,
      titled: true,
      placeholders: placeholderUses(text, line, lines),
      binds: findBinds(text),
      uses: findUses(text, line + 1)
    }
    if (lang !== undefined && !shellLangs.has(lang)) step.notes.push(`fence language \`${lang}\` is not a shell, but the title asks to run it in a terminal`)
    if (terminal.concurrent) step.notes.push('runs in a second terminal: keeps running beside the following steps')
    return step
  }
  if (looksLikePath(meta.title)) {
    const cue = fileModeCue(context.leadIn?.text)
    const step: FileStep = {
      id: `file@${line}`,
      kind: 'file',
      ...base,
      path: meta.title!.trim().replace(/^\.\//, ''),
      mode: cue.mode,
      modeReason: context.leadIn ? `${cue.reason} (line ${context.leadIn.line})` : cue.reason,
      hlLines: meta.hlLines,
      placeholders: placeholderUses(text, line, lines)
    }
    if (lang !== undefined && shellLangs.has(lang)) step.notes.push(`fenced as \`${lang}\`, but the title names a file: treated as the file ${step.path}`)
    return step
  }
  const expect = context.prose ? expectCue(context.prose.text) : undefined
  if (expect && context.prose) {
    const closed = isClosed(lines, endLine, line)
    const step: ExpectStep = {
      id: `expect@${line}`,
      kind: 'expect',
      ...base,
      forStep: null,
      cue: context.prose.text,
      target: expect.target,
      bodyStartLine: line + 1,
      bodyEndLine: closed ? endLine - 1 : endLine,
      indent: (node.position?.start.column ?? 1) - 1
    }
    if (!closed) step.notes.push('the fence is never closed: the expected output runs to the end of its container')
    if (expect.command) step.notes.push(`describes the output of \`${expect.command}\``)
    return step
  }
  if (meta.title === undefined && lang !== undefined && shellLangs.has(lang)) {
    // Kept only if a later titled command reads what it exports (decided by the caller).
    const binds = findBinds(text)
    if (binds.length === 0) return undefined
    return {
      id: `command@${line}`,
      kind: 'command',
      ...base,
      concurrent: false,
      titled: false,
      placeholders: placeholderUses(text, line, lines),
      binds,
      uses: findUses(text, line + 1)
    }
  }
  return undefined
}

function isClosed(lines: SourceLine[], endLine: number, line: number): boolean {
  if (endLine <= line) return false
  const closing = lines[endLine - 1]?.text.trim() ?? ''
  return /^(`{3,}|~{3,})$/.test(closing)
}

function placeholderUses(text: string, line: number, lines: SourceLine[]): PlaceholderUse[] {
  const textLines = text.split('\n')
  return findPlaceholders(text).map((match) => {
    const fileLine = line + 1 + match.lineIndex
    const original = lines[fileLine - 1]?.text ?? ''
    const textLine = textLines[match.lineIndex] ?? ''
    let column = original.length - textLine.length + match.index + 1
    if (!original.startsWith(match.raw, column - 1)) column = original.indexOf(match.raw) + 1
    return {raw: match.raw, key: match.key, line: fileLine, column}
  })
}

const examplePattern = /\b(?:for example|for instance|e\.g\.),?\s+(?:you (?:can|could) )?(?:use|enter|choose|pick|set|type)?\s*`([^`]+)`/i

/** "Replace `<my project id>` ... For example, use `mlops-project`". */
function collectExamples(step: CommandStep | FileStep, context: CodeContext, examples: Map<string, PlaceholderExample>): void {
  const keys = [...new Set(step.placeholders.map((use) => use.key))]
  for (const key of keys) {
    if (examples.has(key)) continue
    const mentions = (prose: Prose): boolean =>
      findPlaceholders(prose.text).some((match) => match.key === key)
    const paragraph =
      [...context.section].reverse().find((prose) => mentions(prose) && examplePattern.test(prose.raw)) ??
      (keys.length === 1 ? [...context.section].reverse().find((prose) => examplePattern.test(prose.raw)) : undefined)
    if (!paragraph) continue
    const match = examplePattern.exec(paragraph.raw)
    if (!match) continue
    const line = paragraph.line + (paragraph.raw.slice(0, match.index + match[0].length).match(/\n/g)?.length ?? 0)
    examples.set(key, {value: match[1]!, line})
  }
}

/** An expected output describes the nearest earlier command in the same container or an enclosing one. */
function bindExpectations(pending: Pending[]): void {
  for (let i = 0; i < pending.length; i++) {
    const expect = pending[i]!
    if (expect.step.kind !== 'expect' || expect.step.target !== 'output') continue
    const named = expectCue(expect.step.cue)?.command
    let fallback: Step | undefined
    for (let j = i - 1; j >= 0; j--) {
      const candidate = pending[j]!
      if (candidate.step.kind !== 'command' || !isPrefix(candidate.containers, expect.containers)) continue
      if (named === undefined || candidate.step.text.includes(named)) {
        fallback = candidate.step
        break
      }
      fallback ??= candidate.step
    }
    if (fallback) expect.step.forStep = fallback.id
    else expect.step.notes.push('no earlier command in the same container: nothing to compare this output with')
  }
}

function isPrefix(outer: ContainerDirective[], inner: ContainerDirective[]): boolean {
  if (outer.length > inner.length) return false
  return outer.every((container, index) => inner[index] === container)
}
