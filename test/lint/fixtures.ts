import type {ChapterPlan, CommandStep, ExpectStep, Step} from '../../src/plan/types.js'

/** Joins fixture lines: indentation stays visible in the test source. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`
}

/** A hand-built plan with the given steps in one variant. */
export function planOf(file: string, steps: Step[]): ChapterPlan {
  return {
    file,
    title: 'Fixture',
    slug: 'fixture',
    variants: [{id: 'default', choices: [], steps}],
    placeholders: [],
    inheritedVariables: [],
    blocks: [],
    notes: []
  }
}

/** A command step at `line`, binding and using the given variables. */
export function command(
  file: string,
  line: number,
  text: string,
  binds: string[] = [],
  uses: {name: string; line: number}[] = []
): CommandStep {
  return {
    kind: 'command',
    id: `command@${line}`,
    file,
    line,
    endLine: line + text.split('\n').length + 1,
    headings: [],
    tabs: [],
    text,
    notes: [],
    concurrent: false,
    titled: true,
    placeholders: [],
    binds,
    uses
  }
}

/** An expected-output step at `line`. */
export function expectOutput(file: string, line: number, forStep: string | null): ExpectStep {
  return {
    kind: 'expect',
    id: `expect@${line}`,
    file,
    line,
    endLine: line + 2,
    headings: [],
    tabs: [],
    text: 'hello\n',
    notes: [],
    forStep,
    cue: 'The output should be similar to this:',
    placeholders: [],
    tree: [],
    target: 'output',
    bodyStartLine: line + 1,
    bodyEndLine: line + 1,
    indent: 0
  }
}
