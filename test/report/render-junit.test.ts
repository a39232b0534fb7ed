import {describe, expect, it} from 'vitest'
import {renderJunit} from '../../src/report/index.js'
import {sampleReport} from './fixtures.js'
import {findAll, parseXml} from './tiny-xml.js'

describe('renderJunit', () => {
  const xml = renderJunit(sampleReport())
  const root = parseXml(xml)

  it('is well-formed XML with one suite per chapter and variant', () => {
    expect(root.name).toBe('testsuites')
    expect(findAll(root, 'testsuite').map((s) => s.attributes.name)).toEqual([
      'docs/chapter-7.md [google-cloud]',
      'docs/chapter-7.md [default]',
      'docs/chapter-8, part 1.md [default]'
    ])
  })

  it('has one testcase per step and check, with counts that add up', () => {
    const [failing] = findAll(root, 'testsuite')
    expect(findAll(failing!, 'testcase')).toHaveLength(8)
    expect(failing!.attributes).toMatchObject({tests: '8', failures: '2', errors: '1', skipped: '1'})
    expect(root.attributes).toMatchObject({tests: '10', failures: '2', errors: '2', skipped: '1'})
  })

  it('escapes <, & and " and keeps the failure message with file:line', () => {
    expect(xml).toContain('&lt;dvc[gs]&gt; &amp; &quot;quotes&quot;')
    const failure = findAll(root, 'failure')[0]
    expect(failure?.attributes.message).toBe(
      'docs/chapter-7.md:335: Output differs from the block at line 333: <dvc[gs]> & "quotes" 100%'
    )
    expect(failure?.text).toContain('+dvc[gs]==3.47.0\uFFFD')
    const check = findAll(root, 'failure')[1]
    expect(check?.attributes.message).toBe('docs/chapter-7.md:284: gs://mlops-bucket missing')
  })

  it('reports a chapter that could not run as an error case', () => {
    const broken = findAll(root, 'testsuite')[2]!
    const error = findAll(broken, 'error')[0]
    expect(error?.attributes.message).toBe('docs/chapter-8, part 1.md:1: fake-gcs-server did not start')
  })

  it('keeps names stable across runs so shard files merge', () => {
    const names = (source: string): string[] =>
      findAll(parseXml(source), 'testcase').map((c) => `${c.attributes.classname} / ${c.attributes.name}`)
    const other = renderJunit(sampleReport(9999))
    expect(names(other)).toEqual(names(xml))
    expect(new Set(names(xml)).size).toBe(names(xml).length)
  })
})
