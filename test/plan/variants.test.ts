import {describe, expect, test} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {selectVariants, slugify} from '../../src/plan/index.js'

// Same provider labels in two groups: one dimension, chosen consistently.
const doc = [
  '# Chapter 5 - Variants',
  '',
  '=== ":simple-googlecloud: Google Cloud"',
  '',
  '    ```sh title="Execute the following command(s) in a terminal"',
  '    gcloud init',
  '    ```',
  '',
  '=== ":simple-amazonaws: AWS"',
  '',
  '    ```sh title="Execute the following command(s) in a terminal"',
  '    aws configure',
  '    ```',
  '',
  '```sh title="Execute the following command(s) in a terminal"',
  'echo shared',
  '```',
  '',
  '=== ":simple-amazonaws: AWS"',
  '',
  '    ```sh title="Execute the following command(s) in a terminal"',
  '    aws s3 mb s3://bucket',
  '    ```',
  '',
  '=== ":simple-googlecloud: Google Cloud"',
  '',
  '    ```sh title="Execute the following command(s) in a terminal"',
  '    gcloud storage buckets create gs://bucket',
  '    ```',
  '',
  'Pick your forge:',
  '',
  '=== ":simple-github: GitHub"',
  '',
  '    Nothing to run.',
  '',
  '=== ":simple-gitlab: GitLab"',
  '',
  '    Nothing to run either.',
  ''
].join('\n')
const plan = planChapter(doc, 'chapter-5.md')

describe('variants', () => {
  test('one dimension for groups with the same labels; consistent choice', () => {
    expect(plan.variants.map((variant) => [variant.id, variant.steps.map((step) => step.line)])).toEqual([
      ['google-cloud', [5, 15, 27]],
      ['aws', [11, 15, 21]]
    ])
    expect(plan.notes.map((note) => [note.line, note.rule, note.severity])).toEqual([[33, 'tab-group-without-commands', 'info']])
  })

  test('select by label or slug; unknown requests', () => {
    expect(selectVariants(plan, {provider: 'AWS'}).map((variant) => variant.id)).toEqual(['aws'])
    expect(selectVariants(plan, {provider: 'google-cloud'}).map((variant) => variant.id)).toEqual(['google-cloud'])
    expect(selectVariants(plan, {tabs: ['Google Cloud']}).map((variant) => variant.id)).toEqual(['google-cloud'])
    expect(selectVariants(plan, {provider: 'azure'})).toEqual([])
    expect(selectVariants(plan).map((variant) => variant.id)).toEqual(['google-cloud', 'aws'])
    // Guide-wide options: a chapter without the tab keeps its variants.
    expect(selectVariants(plan, {tabs: ['linux']}).map((variant) => variant.id)).toEqual(['google-cloud', 'aws'])
  })

  test('a chapter without provider tabs keeps its default variant for any provider', () => {
    const plain = planChapter('```sh title="Execute the following command(s) in a terminal"\nls\n```\n', 'x.md')
    expect(selectVariants(plain, {provider: 'google-cloud'}).map((variant) => variant.id)).toEqual(['default'])
  })

  test('slugs', () => {
    expect(slugify('Using another cloud provider? Read this!')).toBe('using-another-cloud-provider-read-this')
    expect(slugify('macOS')).toBe('macos')
  })
})
