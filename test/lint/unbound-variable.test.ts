import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintFiles, lintText} from '../../src/lint/index.js'
import type {ChapterPlan} from '../../src/plan/types.js'
import {command, md, planOf} from './fixtures.js'

const rule = 'unbound-variable'
const useText = md('```sh title="Execute the following command(s) in a terminal"', 'gcloud config set project $GCP_PROJECT_ID', '```')
const usePlan = (file: string): ChapterPlan =>
  planOf(file, [command(file, 1, 'gcloud config set project $GCP_PROJECT_ID\n', [], [{name: 'GCP_PROJECT_ID', line: 2}])])

describe(`${rule} (hand-built plans)`, () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lint-unbound-'))
  })
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('warns about a variable nothing given binds, at the `$`', () => {
    const diagnostics = lintText(useText, 'b.md', {plan: usePlan('b.md')}).filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[2, 27, 'warning']])
  })

  it('is an error when lint has the whole guide and no chapter binds it', () => {
    const diagnostics = lintText(useText, 'b.md', {plan: usePlan('b.md'), wholeGuide: true}).filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => d.severity)).toEqual(['error'])
  })

  it('accepts a variable an earlier chapter exports, and warns when only a later one does', async () => {
    const first = join(dir, 'a.md')
    const second = join(dir, 'b.md')
    await writeFile(first, md('```sh', 'export GCP_PROJECT_ID=<my project id>', '```'))
    await writeFile(second, useText)
    const planner = (_text: string, file: string): ChapterPlan =>
      file === first ? planOf(file, [command(file, 1, 'export GCP_PROJECT_ID=x\n', ['GCP_PROJECT_ID'])]) : usePlan(file)
    const inOrder = await lintFiles([first, second], {planner, wholeGuide: true})
    expect(inOrder.filter((d) => d.rule === rule)).toEqual([])
    const reversed = await lintFiles([second, first], {planner, wholeGuide: true})
    expect(reversed.filter((d) => d.rule === rule).map((d) => [d.file, d.severity])).toEqual([[second, 'warning']])
  })

  it('accepts bindings from options, loops and well-known environment variables', () => {
    const plan = planOf('c.md', [
      command('c.md', 1, 'for f in a b; do echo $f $HOME; done\n', [], [
        {name: 'f', line: 2},
        {name: 'HOME', line: 2}
      ]),
      ...usePlan('c.md').variants[0]!.steps
    ])
    const diagnostics = lintText(useText, 'c.md', {plan, inheritedBindings: ['GCP_PROJECT_ID']})
    expect(diagnostics.filter((d) => d.rule === rule)).toEqual([])
  })
})
