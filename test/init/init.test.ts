import {existsSync} from 'node:fs'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/config/index.js'
import {requireInput, runCli, seedsDir} from '../cli/run-cli.js'

const seedGuide = path.join(seedsDir, 'a-guide-to-mlops-6f332358')
const present = requireInput(seedGuide, existsSync(path.join(seedGuide, 'mkdocs.yml')))
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-init-'))
  if (present) await cp(seedGuide, dir, {recursive: true})
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe.runIf(present)('docs-verify init on the real seed guide (A Guide to MLOps)', () => {
  let text = ''

  it('writes docs-verify.config.yaml beside mkdocs.yml and says what it found', async () => {
    const result = await runCli(['init'], {cwd: path.join(dir, 'docs')})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^wrote \.\.\/docs-verify\.config\.yaml from \d+ chapters: 2 downloads, \d+ foreground servers, 2 logins \(2 stood in by docs-verify\)/)
    expect(result.stdout).toMatch(/replace the \d+ FILL-INs in it/)
    text = await readFile(path.join(dir, 'docs-verify.config.yaml'), 'utf8')
  })

  it('the written config is valid against the schema as it stands', () => {
    const {diagnostics, config} = parseConfig(text, 'docs-verify.config.yaml')
    expect(diagnostics).toEqual([])
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/docs-verify\/schema\/docs-verify\.config\.schema\.json$/m)
    expect(config.standIns?.map((standIn) => standIn.match)).toEqual(
      expect.arrayContaining([
        'wget https://github.com/swiss-ai-center/a-guide-to-mlops/archive/refs/heads/jupyter-notebook.zip -O jupyter-notebook.zip',
        'wget https://github.com/swiss-ai-center/a-guide-to-mlops/archive/refs/heads/data.zip -O data.zip',
        'jupyter-lab notebook.ipynb'
      ])
    )
  })

  it('gives each archive download a stand-in to fill in, and the notebook a headless run', () => {
    const {config} = parseConfig(text, 'docs-verify.config.yaml')
    const byMatch = new Map(config.standIns?.map((standIn) => [standIn.match, standIn]))
    expect(byMatch.get('wget https://github.com/swiss-ai-center/a-guide-to-mlops/archive/refs/heads/data.zip -O data.zip')?.run).toBe('cp FILL-IN/data.zip data.zip')
    expect(byMatch.get('jupyter-lab notebook.ipynb')?.run).toBe('jupyter nbconvert --to notebook --execute --inplace notebook.ipynb')
    expect(text).toMatch(/# chapter-1-run-a-simple-ml-experiment-with-jupyter-notebook\.md:\d+: wget/)
  })

  it('names the gcloud logins docs-verify stands in for, without overriding them', () => {
    const {config} = parseConfig(text, 'docs-verify.config.yaml')
    expect(text).toMatch(/#\s+chapter-7-move-the-ml-experiment-data-to-the-cloud\.md:\d+: gcloud init$/m)
    expect(text).toMatch(/#\s+chapter-7-move-the-ml-experiment-data-to-the-cloud\.md:\d+: gcloud auth application-default login$/m)
    expect(config.standIns?.some((standIn) => standIn.match.startsWith('gcloud'))).toBe(false)
  })

  it('fills placeholders with the doc\'s examples and leaves the sandbox-bound ones to docs-verify', () => {
    const {config} = parseConfig(text, 'docs-verify.config.yaml')
    expect(config.placeholders).toMatchObject({'my project id': 'mlops-project', 'my bucket name': 'mlops-bucket', 'my bucket location': 'europe-west6'})
    expect(config.placeholders?.['your git repository url']).toBeUndefined()
    expect(text).toMatch(/"your git repository url" is left to docs-verify/)
  })

  it('gives the heavy pip installs and the training steps long timeouts', () => {
    const {config} = parseConfig(text, 'docs-verify.config.yaml')
    const steps = config.timeouts?.steps ?? {}
    const chapter2 = Object.entries(steps).filter(([key]) => key.startsWith('chapter-2-adapt-and-move-the-jupyter-notebook-to-python-scripts.md:'))
    expect(chapter2.length).toBeGreaterThanOrEqual(2)
    expect(chapter2.every(([, seconds]) => seconds >= 1800)).toBe(true)
    expect(text).toMatch(/pip install of tensorflow \(from\s+(# )?requirements\.txt\)/)
    expect(text).toMatch(/dvc repro: runs the pipeline, training included/)
  })

  it('never overwrites an existing configuration: exit 2 and the file unchanged', async () => {
    const file = path.join(dir, 'docs-verify.config.yaml')
    await writeFile(file, '# mine\n')
    const result = await runCli(['init'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/docs-verify\.config\.yaml already exists and init never overwrites a configuration/)
    expect(await readFile(file, 'utf8')).toBe('# mine\n')
  })

  it('a dry-run reads the written config and shows its stand-ins', async () => {
    await rm(path.join(dir, 'docs-verify.config.yaml'))
    expect((await runCli(['init'], {cwd: dir})).code).toBe(0)
    const result = await runCli(['chapter-1', '--dry-run'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('cp FILL-IN/data.zip data.zip')
  })
})

describe('docs-verify init arguments', () => {
  it('takes no chapter: `init` is a command, not a chapter name', async () => {
    const result = await runCli(['init', 'chapter-1'], {cwd: os.tmpdir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/`docs-verify init` takes no arguments/)
  })
})
