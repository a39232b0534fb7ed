import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/config/index.js'
import {staleFiles} from '../../scripts/generate-config-schema.js'

const root = path.resolve(import.meta.dirname, '../..')

describe('the config schema', () => {
  it('is the source of the checked-in types, validator and reference page (none is stale)', async () => {
    expect(await staleFiles()).toEqual([])
  })

  it('accepts every config the project ships and its tests use', () => {
    const files = [
      'test/fixtures/verify/code-seed/docs-verify.config.json',
      'test/fixtures/verify/data-seed/docs-verify.config.yaml'
    ]
    for (const file of files) {
      const {diagnostics} = parseConfig(fs.readFileSync(path.join(root, file), 'utf8'), file)
      expect(diagnostics, file).toEqual([])
    }
  })

  it('accepts `$schema` at the top level only, so an editor can offer completion', () => {
    const text = '$schema: ./node_modules/docs-verify/schema/docs-verify.config.schema.json\nchapters:\n  chapter-7:\n    $schema: x\n'
    const {diagnostics} = parseConfig(text, 'docs-verify.config.yaml')
    expect(diagnostics.map((d) => [d.line, d.rule, d.message])).toEqual([
      [4, 'config-unknown-key', '`chapters.chapter-7.$schema` is not a known key; allowed here: placeholders, standIns, timeouts, outputPolicy, setup, env, fileEdits, expectFailure, tolerance, standalone']
    ])
  })

  it('reads a YAML number or boolean as the string an env value or placeholder must be', () => {
    const {config, diagnostics} = parseConfig('env:\n  CLOUDSDK_CORE_DISABLE_PROMPTS: 1\nplaceholders:\n  flag: true\n', 'c.yaml')
    expect(diagnostics).toEqual([])
    expect(config).toEqual({env: {CLOUDSDK_CORE_DISABLE_PROMPTS: '1'}, placeholders: {flag: 'true'}})
  })

  it('fills in outputPolicy.extraLines when the mapping leaves it out', () => {
    expect(parseConfig('outputPolicy: {}\n', 'c.yaml').config).toEqual({outputPolicy: {extraLines: 'warn'}})
  })

  it('names the line, key and expected value of each wrong type, empty string and missing key', () => {
    const text = [
      'placeholders:',
      'standIns:',
      '  - match: "  "',
      '    run: x',
      '    reason: r',
      '  - match: gcloud init',
      '    run: "true"',
      '    skip: true',
      '    reason: both',
      'outputPolicy:',
      '  extraLines: loud',
      'fileEdits:',
      '  - path: params.yaml',
      '    reason: the doc shows one line',
      'chapters:',
      '  chapter-1: [a]',
      ''
    ].join('\n')
    const {config, diagnostics} = parseConfig(text, 'docs-verify.config.yaml')
    expect(diagnostics.map((d) => `${d.line}: ${d.message} (${d.rule})`)).toEqual([
      '1: `placeholders` must be a mapping (key: value), not null (config-type)',
      '3: `standIns[0].match` must be the command line to replace (literal, or /regex/), not an empty string (config-type)',
      '6: `standIns[1]` has both `run` and `skip: true`: keep one (config-stand-in-action)',
      '11: `outputPolicy.extraLines` must be "warn" or "fail", not "loud" (config-type)',
      '13: `fileEdits[0].content` is missing: give the whole file content after the change (a string) (config-missing-key)',
      '16: `chapters.chapter-1` must be a mapping (key: value), not a list (config-type)'
    ])
    expect(config).toEqual({standIns: [], outputPolicy: {}, fileEdits: [], chapters: {}})
  })

  it('says a config that is not a mapping at all is one', () => {
    const {config, diagnostics} = parseConfig('- a\n- b\n', 'docs-verify.config.yaml')
    expect(diagnostics.map((d) => d.message)).toEqual(['`(top level)` must be a mapping (key: value), not a list'])
    expect(config).toEqual({})
  })
})
