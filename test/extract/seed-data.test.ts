import {describe, expect, test} from 'vitest'
import {parseMarkdown} from '../../src/extract/index.js'
import {planChapter} from '../../src/plan/index.js'
import type {CommandStep, ExpectStep, FileStep, Step} from '../../src/plan/types.js'
import {dataSeed, readSeed, seedPath, seedsAvailable} from './seeds.js'

describe.skipIf(!seedsAvailable())('data seed (chapter 7, data to the cloud)', () => {
  const file = seedPath(dataSeed)
  const text = readSeed(dataSeed)
  const plan = planChapter(text, file)

  test('title, slug and a single google-cloud variant', () => {
    expect(plan.title).toBe('Chapter 7 - Move the ML experiment data to the cloud')
    expect(plan.slug).toBe('chapter-7')
    expect(plan.variants.map((variant) => variant.id)).toEqual(['google-cloud'])
    expect(plan.variants[0]!.choices).toEqual([{dimension: 'provider', label: 'Google Cloud', slug: 'google-cloud'}])
  })

  const steps = (): Step[] => plan.variants[0]!.steps

  test('every step: kind, line and tabs', () => {
    const gc = ['Google Cloud']
    expect(steps().map((step) => [step.kind, step.line, step.tabs])).toEqual([
      ['command', 110, gc],
      ['command', 150, gc],
      ['command', 157, gc],
      ['command', 170, gc],
      ['command', 200, gc],
      ['command', 212, gc],
      ['command', 219, gc],
      ['command', 265, gc],
      ['command', 277, gc],
      ['command', 284, gc],
      ['file', 317, gc],
      ['command', 326, gc],
      ['expect', 333, gc],
      ['command', 358, gc],
      ['command', 389, gc],
      ['command', 412, []],
      ['expect', 422, []],
      ['command', 436, []],
      ['command', 446, []],
      ['command', 484, []],
      ['command', 492, []]
    ])
    expect(steps().every((step) => step.file === file && step.id === `${step.kind}@${step.line}`)).toBe(true)
  })

  test('commands are titled, not concurrent, with their end lines and text', () => {
    const commands = steps().filter((step): step is CommandStep => step.kind === 'command')
    expect(commands.every((step) => step.titled && !step.concurrent && step.lang === 'sh')).toBe(true)
    const gcloudInit = commands[0]!
    expect(gcloudInit.endLine).toBe(113)
    expect(gcloudInit.text).toBe('# Initialize and login to Google Cloud\ngcloud init')
    expect(gcloudInit.headings).toEqual(['Chapter 7 - Move the ML experiment data to the cloud', 'Steps', 'Install and configure the cloud provider CLI'])
    expect(gcloudInit.title).toBe('Execute the following command(s) in a terminal')
  })

  test('the bucket steps after the merge-conflict markers stay in the Google Cloud tab', () => {
    const bucket = steps().find((step) => step.line === 265) as CommandStep
    expect(bucket.tabs).toEqual(['Google Cloud'])
    expect(bucket.headings.at(-1)).toBe('Create the Storage Bucket on the cloud provider')
    expect(bucket.text).toBe('# Export the bucket name\nexport GCP_BUCKET_NAME=<my bucket name>')
  })

  test('placeholders with their lines and columns, and the doc examples', () => {
    const uses = steps().flatMap((step) => (step.kind === 'expect' ? [] : step.placeholders.map((use) => [step.line, use.raw, use.key, use.line, use.column])))
    expect(uses).toEqual([
      [150, '<my project id>', 'my project id', 152, 27],
      [212, '<my billing account id>', 'my billing account id', 214, 35],
      [265, '<my bucket name>', 'my bucket name', 267, 28],
      [277, '<my bucket location>', 'my bucket location', 279, 32]
    ])
    expect(text.split('\n')[151]!.slice(26, 26 + '<my project id>'.length)).toBe('<my project id>')
    expect(plan.placeholders.map((use) => [use.key, use.example])).toEqual([
      ['my project id', {value: 'mlops-project', line: 143}],
      ['my billing account id', undefined],
      ['my bucket name', {value: 'mlops-bucket', line: 255}],
      ['my bucket location', {value: 'europe-west6', line: 275}]
    ])
  })

  test('variables: binds, uses, nothing inherited', () => {
    const byLine = new Map(steps().map((step) => [step.line, step]))
    expect((byLine.get(150) as CommandStep).binds).toEqual(['GCP_PROJECT_ID'])
    expect((byLine.get(219) as CommandStep).uses).toEqual([
      {name: 'GCP_PROJECT_ID', line: 221},
      {name: 'GCP_BILLING_ACCOUNT_ID', line: 222}
    ])
    expect((byLine.get(284) as CommandStep).uses.map((use) => use.name)).toEqual(['GCP_BUCKET_NAME', 'GCP_BUCKET_LOCATION'])
    expect(plan.inheritedVariables).toEqual([])
  })

  test('requirements.txt is a full file with hl_lines [4]', () => {
    const requirements = steps().find((step) => step.kind === 'file') as FileStep
    expect(requirements).toMatchObject({path: 'requirements.txt', mode: 'full', hlLines: [4], lang: 'txt', line: 317, endLine: 322})
    expect(requirements.modeReason).toContain('line 314')
    expect(requirements.text.split('\n')[3]).toBe('dvc[gs]==3.47.0')
  })

  test('expected outputs are bound to the command before them', () => {
    const expects = steps().filter((step): step is ExpectStep => step.kind === 'expect')
    expect(expects.map((step) => [step.line, step.forStep, step.target, step.bodyStartLine, step.bodyEndLine, step.indent, step.lang])).toEqual([
      [333, 'command@326', 'output', 334, 343, 4, 'diff'],
      [422, 'command@412', 'output', 423, 428, 0, 'text']
    ])
    expect(expects[1]!.cue).toBe('The output of the `git status` command should be similar to this:')
    expect(expects[0]!.text.startsWith('diff --git a/requirements.txt b/requirements.txt\nindex')).toBe(true)
  })

  test('notes report the merge-conflict markers at their lines', () => {
    expect(plan.notes.map((note) => [note.line, note.rule, note.severity])).toEqual([
      [260, 'merge-conflict-marker', 'error'],
      [262, 'merge-conflict-marker', 'error'],
      [263, 'merge-conflict-marker', 'error']
    ])
  })

  test('the interruption is recorded on the containers it interrupted', () => {
    const root = parseMarkdown(text, file)
    const tabs = root.children.filter((node) => node.type === 'containerDirective' && node.position?.start.line === 249)
    expect(tabs).toHaveLength(1)
    const tab = tabs[0]!
    if (tab.type !== 'containerDirective') throw new Error('not a container')
    expect(tab.data?.interruptions?.map((interruption) => interruption.line)).toEqual([262, 263])
    expect(tab.position?.end.line).toBe(292)
    const warning = tab.children.find((node) => node.type === 'containerDirective')
    if (warning?.type !== 'containerDirective') throw new Error('no warning admonition in the tab')
    expect(warning.attributes).toEqual({type: 'warning'})
    expect(warning.data?.interruptions).toEqual([{line: 260, text: '<<<<<<< HEAD', mergeConflict: true}])
    expect(warning.position?.start).toEqual({line: 257, column: 5, offset: text.split('\n').slice(0, 256).join('\n').length + 1 + 4})
    expect(warning.position?.end.line).toBe(261)
  })
})
