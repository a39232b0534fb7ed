// The library's public API, pinned: the runtime names each entry of
// package.json "exports" offers. Adding or removing one is a deliberate
// change of this list (and of docs/library.md), never a side effect of
// exporting something from a stage's index.ts.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import * as library from '../../src/index.js'
import {seedGuideAvailable, seedGuideChapters, seedGuideDir} from '../extract/seeds.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

const pinned: Record<string, readonly string[]> = {
  // plan, run, compare, report (src/index.ts)
  '.': [
    'InputError',
    'compareOutput',
    'loadWorkspace',
    'planChapter',
    'planChapters',
    'renderGithub',
    'renderJson',
    'renderJunit',
    'renderMarkdown',
    'renderPlain',
    'renderPlanJson',
    'renderPlanScript',
    'renderPlanText',
    'selectChapters',
    'verifyChapters',
    'version'
  ],
  // the dialect's parse, for tools that read MkDocs-Material Markdown (src/extract/index.ts)
  './extract': ['collectCode', 'parseFenceMeta', 'parseHlLines', 'parseMarkdown', 'remarkMkdocs', 'splitLines', 'stripEmoji']
}

/** package.json "exports": entry -> the source file its dist file is built from. */
function exportedSources(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as {exports: Record<string, string>}
  return new Map(Object.entries(manifest.exports).map(([entry, target]) => [entry, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')]))
}

describe('the public API', () => {
  test('package.json exports exactly the entries pinned here, each built from a source file', () => {
    expect([...exportedSources().keys()].sort()).toEqual(Object.keys(pinned).sort())
    for (const source of exportedSources().values()) expect(source).toMatch(/^src\/.+\.ts$/)
  })

  test.each(Object.keys(pinned))('%s offers exactly its pinned names', async (entry) => {
    const source = exportedSources().get(entry)!
    const module = (await import(`${repoRoot}${source}`)) as Record<string, unknown>
    expect(Object.keys(module).sort()).toEqual([...pinned[entry]!].sort())
  })

  test('no entry hands out a stage as a namespace (which would export its internals with it)', () => {
    const namespaces = Object.entries(library).filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value))
    expect(namespaces.map(([name]) => name)).toEqual([])
  })
})

// The four verbs on real input, through the public entry only.
describe.runIf(seedGuideAvailable())('the public API on the real guide (A Guide to MLOps), nothing run', () => {
  test('plan chapter 4, compare an expected output with itself and with its last line missing, report the plan', async () => {
    const workspace = await library.loadWorkspace({cwd: seedGuideDir})
    const chapters = library.selectChapters(['chapter-4'], workspace.guide, seedGuideDir)
    expect(chapters.map((chapter) => chapter.file)).toEqual([`${seedGuideDir}docs/${seedGuideChapters[4]}`])
    const [planned] = await library.planChapters({workspace, chapters, cwd: seedGuideDir})
    const steps = planned!.prepared[0]!.steps
    expect(steps.filter(({step}) => step.kind === 'command').length).toBeGreaterThan(3)

    const expected = steps.find(({step}) => step.kind === 'expect' && step.target === 'output')!
    expect(library.compareOutput(expected.text, expected.text).ok).toBe(true)
    // What the doc shows without its last line (in chapter 4 a line of a
    // `git diff`): a change the learner would not see.
    const missing = expected.text.trimEnd().split('\n').slice(0, -1).join('\n') + '\n'
    expect(library.compareOutput(expected.text, missing).ok).toBe(false)

    const json = JSON.parse(library.renderPlanJson([planned!], {version: library.version, network: {sandbox: 'none', allowHosts: [], standIns: '', alwaysDenied: []}})) as {
      chapters: {file: string; variants: {steps: unknown[]}[]}[]
    }
    expect(json.chapters[0]!.file).toBe(planned!.plan.file)
    expect(json.chapters[0]!.variants[0]!.steps).toHaveLength(steps.length)
    expect(library.renderPlanText(planned!.prepared[0]!)).toContain(planned!.plan.title)
  })
})
