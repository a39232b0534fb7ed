import {describe, expect, test} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {resolvePlaceholders} from '../../src/plan/index.js'
import type {CommandStep} from '../../src/plan/types.js'
import {codeSeed, readSeed, seedPath, seedsAvailable} from './seeds.js'

describe.skipIf(!seedsAvailable())('code seed (chapter 7, code to the cloud)', () => {
  const file = seedPath(codeSeed)
  const plan = planChapter(readSeed(codeSeed), file)

  test('title with a colon still gives the chapter slug', () => {
    expect(plan.title).toBe('Chapter 7: Move the ML experiment code to the cloud')
    expect(plan.slug).toBe('chapter-7')
  })

  test('three untabbed commands in a default variant', () => {
    expect(plan.variants).toHaveLength(1)
    const variant = plan.variants[0]!
    expect(variant.id).toBe('default')
    expect(variant.choices).toEqual([])
    expect(variant.steps.map((step) => [step.kind, step.line, step.endLine, step.tabs])).toEqual([
      ['command', 94, 97, []],
      ['command', 103, 106, []],
      ['command', 134, 137, []]
    ])
    expect(variant.steps.map((step) => step.headings.at(-1))).toEqual(['Configure Git for the remote branch', 'Push the changes to Git', 'Summary'])
  })

  test('the git repository url placeholder, bound by the sandbox', () => {
    const [add, , clone] = plan.variants[0]!.steps as CommandStep[]
    expect(add!.placeholders).toEqual([{raw: '<your git repository url>', key: 'your git repository url', line: 96, column: 23, offset: 46, because: {kind: 'command'}}])
    expect(clone!.placeholders).toEqual([{raw: '<your git repository url>', key: 'your git repository url', line: 136, column: 11, offset: 37, because: {kind: 'command'}}])
    expect(plan.placeholders).toEqual([{raw: '<your git repository url>', key: 'your git repository url', line: 96, column: 23, offset: 46, because: {kind: 'command'}}])
    const [value] = resolvePlaceholders(plan)
    expect(value).toMatchObject({key: 'your git repository url', source: 'sandbox'})
  })

  test('the GitHub/GitLab group without commands is an info note, not an error', () => {
    expect(plan.notes).toEqual([
      {file, line: 81, column: 1, severity: 'info', rule: 'tab-group-without-commands', message: 'Tab group (GitHub | GitLab) holds no commands: it adds no variant.'}
    ])
  })
})
