import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {configForChapter, fileEditFor, formatConfigDiagnostics, loadConfig, parseConfig, stepTimeoutMs} from '../../src/config/index.js'

let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-verify-config-'))
})

afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function write(name: string, text: string): string {
  const sub = fs.mkdtempSync(path.join(dir, 'case-'))
  fs.writeFileSync(path.join(sub, name), text)
  return sub
}

const yamlConfig = `# docs-verify config for the guide
placeholders:
  my project id: mlops-workshop-123
standIns:
  - match: gcloud init
    run: gcloud config set project "$GCP_PROJECT_ID"
    reason: gcloud init needs a browser; its end state is a configured project
  - match: /^gcloud auth application-default login$/
    skip: true
    reason: the sandbox writes a fake ADC file instead
timeouts:
  default: 120
  steps:
    "chapter-7.md:358": 900
    "40": 5
outputPolicy:
  extraLines: fail
env:
  CLOUDSDK_CORE_DISABLE_PROMPTS: "1"
chapters:
  chapter-7:
    placeholders:
      my bucket name: bucket-7
    timeouts:
      default: 60
    fileEdits:
      - path: requirements.txt
        content: "dvc[gs]==3.47.0\\n"
        reason: the chapter adds the gs extra
`

describe('loadConfig', () => {
  it('finds a YAML config in a directory and resolves it per chapter', async () => {
    const loaded = await loadConfig(write('docs-verify.config.yaml', yamlConfig))
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.file).toMatch(/docs-verify\.config\.yaml$/)
    expect(loaded.config.standIns).toHaveLength(2)
    const chapter = configForChapter(loaded.config, {slug: 'chapter-7', file: 'docs/chapter-7.md'})
    expect(chapter.placeholders).toEqual({'my project id': 'mlops-workshop-123', 'my bucket name': 'bucket-7'})
    expect(stepTimeoutMs(chapter, {file: 'docs/chapter-7.md', line: 358})).toBe(900_000)
    expect(stepTimeoutMs(chapter, {file: 'docs/chapter-7.md', line: 40})).toBe(5_000)
    expect(stepTimeoutMs(chapter, {file: 'docs/chapter-7.md', line: 41})).toBe(60_000)
    expect(stepTimeoutMs(configForChapter(loaded.config, {slug: 'chapter-8'}), {file: 'x.md', line: 1})).toBe(120_000)
    expect(stepTimeoutMs({}, {file: 'x.md', line: 1})).toBe(300_000)
    expect(fileEditFor(chapter, './requirements.txt')?.content).toBe('dvc[gs]==3.47.0\n')
    expect(chapter.outputPolicy).toEqual({extraLines: 'fail'})
  })

  it('loads JSON and gives an empty config for a directory without one', async () => {
    const loaded = await loadConfig(write('docs-verify.config.json', JSON.stringify({placeholders: {'my bucket location': 'europe-west6'}})))
    expect(loaded.config).toEqual({placeholders: {'my bucket location': 'europe-west6'}})
    const empty = await loadConfig(fs.mkdtempSync(path.join(dir, 'empty-')))
    expect(empty).toEqual({file: null, config: {}, diagnostics: []})
  })

  it('names the file, line and key path of an unknown key, and lists the allowed keys', async () => {
    const sub = write('docs-verify.config.yaml', 'placeholders:\n  a: b\nstandins:\n  - match: x\n')
    const loaded = await loadConfig(sub)
    expect(loaded.diagnostics).toHaveLength(1)
    const [diagnostic] = loaded.diagnostics
    expect(diagnostic).toMatchObject({file: path.join(sub, 'docs-verify.config.yaml'), line: 3, severity: 'error', rule: 'config-unknown-key'})
    expect(diagnostic?.message).toMatch(/^`standins` is not a known key; allowed here: placeholders, standIns, timeouts/)
    expect(loaded.config.placeholders).toEqual({a: 'b'})
    expect(formatConfigDiagnostics(loaded.diagnostics)).toMatch(/docs-verify\.config\.yaml:3:1: error: `standins`/)
  })

  it('reports a stand-in without a reason or action, bad timeouts and bad env names by key path', () => {
    const text = [
      'standIns:',
      '  - match: gcloud init',
      '    run: "true"',
      '  - match: /unclosed(/',
      '    skip: true',
      '    reason: r',
      '  - match: gcloud auth login',
      '    reason: needs a browser',
      'timeouts:',
      '  default: -1',
      '  steps:',
      '    somewhere: 5',
      'env:',
      '  1BAD: x',
      'chapters:',
      '  chapter-7:',
      '    chapters: {}',
      ''
    ].join('\n')
    const {diagnostics, config} = parseConfig(text, 'docs-verify.config.yaml')
    const byKey = Object.fromEntries(diagnostics.map((d) => [d.message.split('`')[1], d]))
    expect(Object.keys(byKey).sort()).toEqual([
      'chapters.chapter-7.chapters',
      'env.1BAD',
      'standIns[0].reason',
      'standIns[1].match',
      'standIns[2]',
      'timeouts.default',
      'timeouts.steps.somewhere'
    ])
    expect(byKey['standIns[0].reason']?.message).toMatch(/is missing: give why the command is replaced/)
    expect(byKey['standIns[0].reason']?.line).toBe(2)
    expect(byKey['standIns[2]']?.message).toMatch(/needs `run` .* or `skip: true`/)
    expect(byKey['timeouts.default']?.line).toBe(10)
    expect(byKey['chapters.chapter-7.chapters']?.message).toMatch(/allowed here: placeholders, standIns, timeouts, outputPolicy, setup, env, fileEdits, expectFailure, tolerance, standalone$/)
    expect(config.standIns).toEqual([])
  })

  it('reports a syntax error with its line instead of throwing', async () => {
    const yaml = parseConfig('placeholders:\n  a: [unclosed\n', 'docs-verify.config.yaml')
    expect(yaml.diagnostics[0]).toMatchObject({rule: 'config-parse', severity: 'error'})
    expect(yaml.diagnostics[0]?.message).toMatch(/not valid YAML/)
    const json = parseConfig('{\n  "placeholders": {,}\n}', 'docs-verify.config.json')
    expect(json.diagnostics[0]?.message).toMatch(/not valid JSON/)
    expect(json.diagnostics[0]?.line).toBe(2)
    const missing = await loadConfig(path.join(dir, 'nope.yaml'))
    expect(missing.diagnostics[0]?.message).toMatch(/does not exist/)
  })
})
