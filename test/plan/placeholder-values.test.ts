import {describe, expect, test} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {fillPlaceholders, parseSetOption, placeholderKey, resolvePlaceholders} from '../../src/plan/index.js'

// A team-written chapter: one placeholder with a prose example, others without.
const doc = [
  '# Chapter 4 - Values',
  '',
  'Replace `<my project id>` with a project ID of your choice. For example, use',
  '`mlops-demo` for the project ID:',
  '',
  '```sh title="Execute the following command(s) in a terminal"',
  'export GCP_PROJECT_ID=<my project id>',
  'export BUCKET=<my_bucket-name>',
  'export BILLING=<my billing account id>',
  'git remote add origin <your git repository url>',
  'curl http://<EXTERNAL-IP>:8080 < payload.json',
  '```',
  ''
].join('\n')
const plan = planChapter(doc, 'docs/chapter-4-values.md')

describe('placeholder values', () => {
  test('keys in any style', () => {
    expect(placeholderKey('<My_Project-ID>')).toBe('my project id')
    expect(parseSetOption('my project id=mlops-demo')).toEqual(['my project id', 'mlops-demo'])
    expect(parseSetOption('<my_bucket_name>=a=b')).toEqual(['my bucket name', 'a=b'])
    expect(parseSetOption('=x')).toBeUndefined()
  })

  test('precedence: prose example, sandbox, generated defaults that satisfy the rules', () => {
    const values = resolvePlaceholders(plan)
    const byKey = new Map(values.map((value) => [value.key, value]))
    expect(byKey.get('my project id')).toMatchObject({value: 'mlops-demo', source: 'prose-example'})
    expect(byKey.get('my project id')!.reason).toContain('chapter-4-values.md:4')
    expect(byKey.get('your git repository url')).toMatchObject({source: 'sandbox'})
    const bucket = byKey.get('my bucket name')!
    expect(bucket.source).toBe('generated')
    expect(bucket.value).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/)
    expect(byKey.get('my billing account id')!.value).toMatch(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/)
    expect(byKey.get('external ip')).toMatchObject({value: '127.0.0.1', source: 'generated'})
    // Deterministic: the same plan gives the same values.
    expect(resolvePlaceholders(plan)).toEqual(values)
  })

  test('a generated project id follows the GCP rule', () => {
    const bare = planChapter('```sh title="Execute the following command(s) in a terminal"\ngcloud projects create <my_project_id>\n```\n', 'x.md')
    const [value] = resolvePlaceholders(bare)
    expect(value!.source).toBe('generated')
    expect(value!.value).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/)
  })

  test('--set beats config beats the prose example', () => {
    const values = resolvePlaceholders(plan, {set: {'<My_Project_ID>': 'from-set'}, config: {'my project id': 'from-config', my_bucket_name: 'cfg-bucket'}})
    const byKey = new Map(values.map((value) => [value.key, value]))
    expect(byKey.get('my project id')).toMatchObject({value: 'from-set', source: 'set'})
    expect(byKey.get('my bucket name')).toMatchObject({value: 'cfg-bucket', source: 'config'})
  })

  test('fill: every style of a key, nothing else (redirects stay)', () => {
    const values = resolvePlaceholders(plan, {set: {'my project id': 'p1', 'external ip': '10.0.0.1'}})
    const step = plan.variants[0]!.steps[0]!
    if (step.kind !== 'command') throw new Error('expected a command step')
    const filled = fillPlaceholders(step.text, step.placeholders, values)
    expect(filled).toContain('export GCP_PROJECT_ID=p1')
    expect(filled).toContain('curl http://10.0.0.1:8080 < payload.json')
    // Only recorded positions are filled: the same token elsewhere in the text stays.
    const use = {raw: '<my_project-id>', key: 'my project id', line: 1, column: 1, offset: 0, because: {kind: 'command' as const}}
    expect(fillPlaceholders('<my_project-id> <my_project-id> <div>', [use], values)).toBe('p1 <my_project-id> <div>')
  })
})
