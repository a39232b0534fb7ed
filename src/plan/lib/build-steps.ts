/**
 * Turn collected code blocks into plan steps: commands (terminal-titled
 * blocks, plus untitled blocks that export what a later command reads),
 * files (path-titled blocks) and expected outputs (blocks after an
 * "output should be similar to this" cue).
 */
import type {ContainerDirective} from 'mdast-util-directive'
import type {BlockPlan, CommandStep, Diagnostic, ExpectStep, FileStep, PlaceholderUse, Step} from '../types.js'
import type {CodeContext, Prose, TabRef} from '../../extract/index.js'
import {againCue, commandTitleCue, reminderCue, continuesSomeoneElse, expectCue, failureCue, fileModeCue, looksLikePath, someoneElseCue} from './cues.js'
import {looksLikeTree, parseDirectoryTree} from './directory-tree.js'
import {parseFenceMeta} from '../../extract/index.js'
import type {SourceLine} from '../../extract/index.js'
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
  /** Every fenced block, in document order. */
  blocks: BlockPlan[]
  notes: Diagnostic[]
}

const shellLangs = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'shell-session', 'shellsession'])

interface Pending {
  step: Step
  containers: ContainerDirective[]
  context: CodeContext
  block: BlockPlan
}

/** Classify code blocks into steps, in document order. */
export function buildSteps(codes: CodeContext[], lines: SourceLine[], file: string): BuiltSteps {
  const built: BuiltSteps = {steps: [], tabsOf: new Map(), examples: new Map(), blocks: [], notes: []}
  const kept: Pending[] = []
  const bare: Pending[] = []
  const commandLines = new Map<number, CommandStep>()
  for (const context of codes) {
    const step = classify(context, lines, file)
    const block = step ? blockOf(step) : unclassified(context, commandLines)
    built.blocks.push(block)
    if (!step) continue
    const pending = {step, containers: context.containers, context, block}
    if (step.kind === 'command' && !step.titled) bare.push(pending)
    else kept.push(pending)
    if (step.kind === 'command' && step.titled) commandLines.set(step.line, step)
  }
  for (const candidate of bare) {
    // Untitled and unused: shown, not run (decided below if a command reads it).
    candidate.block.kind = 'reference'
    candidate.block.reason = `untitled \`${candidate.step.lang ?? ''}\` block: not introduced as a command to run`
    candidate.block.coverage = 'display-only'
    candidate.block.coverageReason = 'shown for reading: no title asks to run it'
    delete candidate.block.stepId
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
    Object.assign(candidate.block, blockOf(command))
    delete candidate.block.coverageReason
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
  markSomeoneElse(kept)
  for (const pending of kept) {
    const step = pending.step
    if (step.kind === 'expect' && step.target === 'output' && step.forStep === null) {
      pending.block.coverage = 'not-verified'
      pending.block.coverageReason = step.notes.find((note) => note.startsWith('the nearest command')) ?? 'no earlier command in the same container produces it'
    }
  }
  return built
}

/** The block record of a step, its coverage as far as the plan knows. */
function blockOf(step: Step): BlockPlan {
  const base = {line: step.line, endLine: step.endLine, stepId: step.id}
  switch (step.kind) {
    case 'command':
      return {...base, kind: 'command', reason: step.titled ? `title "${step.title ?? ''}"` : step.notes[0] ?? 'untitled block kept', coverage: 'verified'}
    case 'file': {
      const reason = `title names the file ${step.path}; ${step.modeReason}`
      if (step.mode === 'full') return {...base, kind: 'file', mode: step.mode, reason, coverage: 'verified'}
      if (step.mode === 'partial') {
        return {...base, kind: 'file', mode: step.mode, reason, coverage: 'not-verified', coverageReason: 'a change inside the file: not applied unless the configuration gives the whole file (fileEdits)'}
      }
      return {...base, kind: 'file', mode: step.mode, reason, coverage: 'display-only', coverageReason: 'a file a tool writes: shown, not written'}
    }
    case 'expect':
      return {...base, kind: step.target, reason: `prose "${expectCue(step.cue)?.sentence ?? step.cue}"`, coverage: 'verified'}
  }
}

/** A block no step comes from: say what it is and why it is not checked. */
function unclassified(context: CodeContext, commandLines: Map<number, CommandStep>): BlockPlan {
  const node = context.node
  const line = node.position?.start.line ?? 1
  const endLine = node.position?.end.line ?? line
  const meta = parseFenceMeta(node.meta)
  const lang = node.lang ?? undefined
  const base = {line, endLine}
  const display = (reason: string, coverageReason: string): BlockPlan => ({...base, kind: 'reference', reason, coverage: 'display-only', coverageReason})
  if (lang === 'mermaid') return display('`mermaid` fence: a diagram', 'a diagram: nothing to run or compare')
  const reminder = context.prose && commandTitleCue(meta.title) ? reminderCue(context.prose.text) : undefined
  if (reminder) return display(`prose "${reminder}": commands of an earlier chapter shown again`, 'a reminder: the learner is not asked to run it again')
  if (meta.title !== undefined) return display(`title "${meta.title}" names neither a terminal nor a file`, 'shown for reading: the title asks for nothing')
  if (looksLikeTree(node.value)) {
    const quote = context.prose ? ` (prose: "${quote120(context.prose.text)}")` : ''
    return {...base, kind: 'tree', reason: `drawn as a directory tree${quote}`, coverage: 'not-verified', coverageReason: 'no prose says the working directory should look like it'}
  }
  const again = context.prose ? againCue(context.prose.text) : undefined
  if (again) {
    return {...base, kind: 'output', reason: `prose "${again}"`, coverage: 'not-verified', coverageReason: 'the output of running a command again, which the doc does not show as a block'}
  }
  const previous = context.previous?.position?.start.line
  const command = previous === undefined ? undefined : commandLines.get(previous)
  if (command && context.prose === undefined && (lang === undefined || !shellLangs.has(lang))) {
    return {
      ...base,
      kind: 'output',
      reason: `right after the command at line ${command.line} with no prose between: looks like its output`,
      coverage: 'not-verified',
      coverageReason: 'no prose says it is the output ("The output should be similar to this:")'
    }
  }
  if (lang !== undefined && shellLangs.has(lang)) return display(`untitled \`${lang}\` block: not introduced as a command to run`, 'shown for reading: no title asks to run it')
  const quote = context.prose ? `: prose "${quote120(context.prose.text)}" introduces no output, file or tree` : ': no prose introduces it'
  return display(`untitled${lang === undefined ? '' : ` \`${lang}\``} block${quote}`, 'shown for reading: nothing says what to check')
}

function quote120(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

/** Commands the prose gives to someone else ("Another member of your team
 * can easily clone ..."), and the ones right after that go on about them. */
function markSomeoneElse(pending: Pending[]): void {
  let previous: CommandStep | undefined
  for (const {step, context} of pending) {
    if (step.kind !== 'command') continue
    const lead = context.leadIn
    if (lead && !step.someoneElse) {
      const cue = someoneElseCue(lead.text)
      if (cue) step.someoneElse = {cue, line: lead.line}
      else if (previous?.someoneElse && previous.headings.join('>') === step.headings.join('>') && continuesSomeoneElse(lead.text)) {
        step.someoneElse = {cue: lead.text, line: lead.line}
      }
    }
    if (step.someoneElse) step.notes.push(`someone else runs it (line ${step.someoneElse.line}: "${step.someoneElse.cue}"): not in the learner's project`)
    previous = step
  }
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
  if (terminal && context.prose && reminderCue(context.prose.text)) return undefined
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
    const lead = context.leadIn
    const failure = lead ? failureCue(lead.text) : undefined
    if (lead && failure) {
      step.announcedFailure = {cue: failure, line: lead.line}
      step.notes.push(`the doc announces it fails (line ${lead.line}: "${failure}"): a non-zero exit is expected`)
    }
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
  const expect = context.prose && !againCue(context.prose.text) ? expectCue(context.prose.text) : undefined
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
      indent: (node.position?.start.column ?? 1) - 1,
      placeholders: placeholderUses(text, line, lines),
      tree: expect.target === 'tree' ? parseDirectoryTree(text, line + 1) : []
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

/** Every `<token>` of a block with its position; which of them are the
 * learner's to fill is decided once the whole chapter is read. */
function placeholderUses(text: string, line: number, lines: SourceLine[]): PlaceholderUse[] {
  const textLines = text.split('\n')
  const starts: number[] = []
  let offset = 0
  for (const textLine of textLines) {
    starts.push(offset)
    offset += textLine.length + 1
  }
  return findPlaceholders(text).map((match) => {
    const fileLine = line + 1 + match.lineIndex
    const original = lines[fileLine - 1]?.text ?? ''
    const textLine = textLines[match.lineIndex] ?? ''
    let column = original.length - textLine.length + match.index + 1
    if (!original.startsWith(match.raw, column - 1)) column = original.indexOf(match.raw) + 1
    return {raw: match.raw, key: match.key, line: fileLine, column, offset: starts[match.lineIndex]! + match.index, because: {kind: 'command'}}
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

/**
 * An expected output describes the nearest earlier command in the same
 * container or an enclosing one, under the same heading: past a heading the
 * output comes from something the doc does in between (an upload in a
 * browser), not from that command.
 */
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
    if (fallback && !sameSection(fallback, expect.step)) {
      expect.step.notes.push(`the nearest command (line ${fallback.line}) is under another heading: nothing here shows what produces this output`)
    } else if (fallback) expect.step.forStep = fallback.id
    else expect.step.notes.push('no earlier command in the same container: nothing to compare this output with')
  }
}

function sameSection(a: Step, b: Step): boolean {
  return a.headings.length === b.headings.length && a.headings.every((heading, index) => b.headings[index] === heading)
}

function isPrefix(outer: ContainerDirective[], inner: ContainerDirective[]): boolean {
  if (outer.length > inner.length) return false
  return outer.every((container, index) => inner[index] === container)
}
