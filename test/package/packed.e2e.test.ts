/**
 * docs-verify as a guide's maintainer gets it: `npm pack` of this checkout,
 * `npm install` of the tarball in a fresh folder holding a copy of the real
 * seed guide, then `npx docs-verify ...` there. Real npm (dependencies from
 * its cache or the registry), real CLI bundle, no source files.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/config/index.js'
import {repoRoot, requireInput, seedsDir} from '../cli/run-cli.js'

const seedGuide = path.join(seedsDir, 'a-guide-to-mlops-6f332358')
const present = requireInput(seedGuide, existsSync(path.join(seedGuide, 'mkdocs.yml')))
let work: string
let guide: string
let tarball: string

function run(command: string, args: readonly string[], cwd: string): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', env: {...process.env, CI: 'true', NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false'}, maxBuffer: 64 * 1024 * 1024})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-packed-'))
  guide = path.join(work, 'guide')
  if (!present) return
  // `npm pack` runs the prepare script: the tarball holds a fresh build.
  const packed = run('npm', ['pack', '--pack-destination', work, '--json'], repoRoot)
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`)
  tarball = path.join(work, (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {filename: string}[])[0]!.filename)
  await cp(seedGuide, guide, {recursive: true})
  const installed = run('npm', ['install', '--prefer-offline', '--no-save', tarball], guide)
  if (installed.status !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`)
}, 900_000)

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

// Each test spawns npx and the CLI: slow on a loaded two-core machine.
describe.runIf(present)('the packed package, installed in a copy of the real guide', {timeout: 300_000}, () => {
  it('ships the CLI bundle, the schema, the docs and the LICENSE, and no sources or tests', () => {
    const listed = run('tar', ['-tzf', tarball], work)
    const files = listed.stdout.split('\n').filter(Boolean).map((file) => file.replace(/^package\//, ''))
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'dist/cli/bin.js', 'schema/docs-verify.config.schema.json', 'docs/reference/configuration-keys.md']))
    expect(files.filter((file) => /^(src|test|bench|scripts)\//.test(file) || file.endsWith('.map') || file === 'dist/.built')).toEqual([])
  })

  it('installs without the container backend\'s optional peers', async () => {
    const modules = await readdir(path.join(guide, 'node_modules'))
    expect(modules).toContain('docs-verify')
    expect(modules).not.toContain('testcontainers')
    expect(modules).not.toContain('zx')
  })

  it('`npx docs-verify --version` and `list` work from the guide\'s folder', async () => {
    const version = run('npx', ['--no-install', 'docs-verify', '--version'], guide)
    expect(version.stdout).toBe(`docs-verify ${JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')).version}\n`)
    const list = run('npx', ['--no-install', 'docs-verify', 'list'], guide)
    expect(list.stderr).toBe('')
    expect(list.status).toBe(0)
    expect(list.stdout).toMatch(/^chapter-1 {2}Chapter 1 - Run a simple ML experiment with Jupyter Notebook {2}docs\/part-1-local-training-and-model-evaluation\/chapter-1-run-a-simple-ml-experiment-with-jupyter-notebook\.md$/m)
    expect(list.stdout).toMatch(/^chapter-7 .*\n {4}google-cloud: \d+ commands/m)
  })

  it('`npx docs-verify init` writes a config that validates against the shipped schema', async () => {
    const init = run('npx', ['--no-install', 'docs-verify', 'init'], guide)
    expect(init.stderr).toBe('')
    expect(init.status).toBe(0)
    expect(init.stdout).toMatch(/^wrote docs-verify\.config\.yaml from \d+ chapters: 2 downloads/)
    const text = await readFile(path.join(guide, 'docs-verify.config.yaml'), 'utf8')
    expect(parseConfig(text, 'docs-verify.config.yaml').diagnostics).toEqual([])
    // The modeline points at the schema the package installed.
    const schema = /\$schema=(\S+)/.exec(text)?.[1] ?? ''
    expect(existsSync(path.join(guide, schema))).toBe(true)
    const again = run('npx', ['--no-install', 'docs-verify', 'init'], guide)
    expect(again.status).toBe(2)
  })

  it('a run with three reporters and a job summary: an unfinished FILL-IN stand-in fails its step, reported at its line', async () => {
    const summary = path.join(work, 'summary.md')
    const result = spawnSync('npx', ['--no-install', 'docs-verify', 'chapter-1', '--reporter', 'github', '--reporter', 'junit=report.xml', '--reporter', 'json=run.json'], {
      cwd: guide,
      encoding: 'utf8',
      env: {...process.env, CI: 'true', NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary, XDG_CACHE_HOME: path.join(work, 'cache')},
      maxBuffer: 64 * 1024 * 1024
    })
    expect(result.status, result.stderr).toBe(1)
    const chapterFile = 'docs/part-1-local-training-and-model-evaluation/chapter-1-run-a-simple-ml-experiment-with-jupyter-notebook.md'
    const wgetLine = (await readFile(path.join(guide, chapterFile), 'utf8')).split('\n').findIndex((line) => line.includes('wget https://github.com/swiss-ai-center/a-guide-to-mlops/archive/refs/heads/jupyter-notebook.zip')) + 1
    expect(wgetLine).toBeGreaterThan(0)
    // github: an annotation on the wget line, on standard output.
    expect(result.stdout).toMatch(new RegExp(`^::error file=${chapterFile.replace(/[.]/g, '\\.')},line=${wgetLine}\\b`, 'm'))
    // json: the chapter failed.
    const report = JSON.parse(await readFile(path.join(guide, 'run.json'), 'utf8')) as {chapters: {slug: string; status: string}[]}
    expect(report.chapters.find((chapter) => chapter.slug === 'chapter-1')?.status).toBe('failed')
    // junit: a failing test case.
    expect(await readFile(path.join(guide, 'report.xml'), 'utf8')).toMatch(/<testcase [^>]*>\s*<failure/)
    // The job summary: a table for the chapter.
    const markdown = await readFile(summary, 'utf8')
    expect(markdown).toContain('chapter-1')
    expect(markdown).toMatch(/^\|.*\|$/m)
  }, 600_000)

  it('`--gcs container` without the optional peers names the install command', () => {
    const result = run('npx', ['--no-install', 'docs-verify', 'chapter-7', '--gcs', 'container', '--reporter', 'plain'], guide)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('npm install --save-dev testcontainers @testcontainers/gcloud')
  })
})
