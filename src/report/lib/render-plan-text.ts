import {coverageOf} from '../../plan/index.js'
import type {PlanNetwork} from './render-plan-json.js'
import {renderCoverage} from './render-coverage.js'
import type {PreparedChapter, PreparedStep} from '../../plan/index.js'

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : prefix + line))
    .join('\n')
}

function describe(prepared: PreparedStep, byId: Map<string, PreparedStep>): string[] {
  const {step} = prepared
  const where = `line ${step.line}`
  const lines: string[] = []
  switch (step.kind) {
    case 'command': {
      const how = step.concurrent ? 'run in a second terminal (in the background)' : 'run'
      const flag = step.titled ? '' : ' (untitled block kept: it defines what a later command uses)'
      lines.push(`  ${where}: ${how}${flag}`)
      for (const standIn of prepared.standIns) {
        const what = standIn.replacement === null ? 'skipped' : standIn.replacement.includes('\n') ? 'stood in' : `stood in by \`${standIn.replacement}\``
        lines.push(`    ! line ${standIn.line}: \`${standIn.original.trim()}\` ${what}: ${standIn.reason}`)
      }
      lines.push(indent(prepared.typed.replace(/\n$/, ''), '    $ ').replace(/\n {4}\$ (\s)/g, '\n      $1'))
      break
    }
    case 'file': {
      const action =
        step.mode === 'full' ? 'write' : step.mode === 'partial' ? 'not applied (partial change)' : 'not applied (display only)'
      lines.push(`  ${where}: file ${step.path}: ${action}; ${step.modeReason}`)
      if (step.hlLines.length > 0) lines.push(`    highlighted lines: ${step.hlLines.join(', ')}`)
      break
    }
    case 'expect': {
      const target = step.forStep === null ? undefined : byId.get(step.forStep)
      const of = target ? `the output of line ${target.step.line}` : 'no command (nothing to compare)'
      lines.push(`  ${where}: check ${step.target === 'tree' ? 'the working directory' : of} (${step.cue.trim()})`)
      lines.push(indent(prepared.text.replace(/\n$/, ''), '    | '))
      break
    }
  }
  for (const note of step.notes) lines.push(`    note: ${note}`)
  return lines
}

/** What a learner would do, section by section, for `--dry-run`. */
export function renderPlanText(chapter: PreparedChapter): string {
  const {plan, variant} = chapter
  const out: string[] = []
  out.push(`${plan.title}  (${plan.file})`)
  const choices = variant.choices.map((choice) => `${choice.dimension}: ${choice.label}`).join(', ')
  out.push(`variant ${variant.id}${choices ? `  (${choices})` : ''}`)
  if (chapter.needs.length > 0) out.push(`needs first: ${chapter.needs.join(', ')}`)
  if (chapter.placeholders.length > 0) {
    out.push('placeholders:')
    for (const value of chapter.placeholders) {
      out.push(`  <${value.key}> = ${value.value}  (${value.source}: ${value.reason})`)
    }
  }
  if (plan.inheritedVariables.length > 0) {
    const names = [...new Set(plan.inheritedVariables.map((use) => use.name))]
    out.push(`from an earlier chapter: ${names.map((name) => `$${name}`).join(', ')}`)
  }
  const byId = new Map(chapter.steps.map((prepared) => [prepared.step.id, prepared]))
  let section = ''
  for (const prepared of chapter.steps) {
    const heading = prepared.step.headings.join(' > ') + (prepared.step.tabs.length > 0 ? `  [${prepared.step.tabs.join(' > ')}]` : '')
    if (heading !== section) {
      section = heading
      out.push('', heading || '(before the first heading)')
    }
    out.push(...describe(prepared, byId))
  }
  if (plan.notes.length > 0) {
    out.push('', 'notes:')
    for (const note of plan.notes) out.push(`  ${note.file}:${note.line}: ${note.message}`)
  }
  out.push('', ...renderCoverage(coverageOf(chapter)))
  return out.join('\n') + '\n'
}

/** The closing line of `--dry-run`: the network the steps would get. */
export function renderPlanNetwork(network: PlanNetwork): string {
  if (network.sandbox === 'none') return 'network: sandbox none: steps are NOT isolated and the network is not filtered\n'
  return `network: sandbox ${network.sandbox}: under bubblewrap steps reach only ${network.allowHosts.join(', ')} and ${network.standIns}; always denied: ${network.alwaysDenied.join(', ')}\n`
}
