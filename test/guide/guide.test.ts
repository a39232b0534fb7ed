import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, test} from 'vitest'
import {GuideError, listChapters, loadGuide, resolveChapter} from '../../src/guide/index.js'
import type {Guide} from '../../src/guide/index.js'

const guides = fileURLToPath(new URL('../fixtures/extract/guides/', import.meta.url))

function guideError(run: () => unknown): GuideError {
  try {
    run()
  } catch (error) {
    if (error instanceof GuideError) return error
    throw error
  }
  throw new Error('expected a GuideError')
}

describe('mkdocs.yml nav (with !!python/name and !ENV tags)', async () => {
  const guide: Guide = await loadGuide(path.join(guides, 'mkdocs'))

  test('pages in nav order with titles, sections, numbers and nav lines', () => {
    expect(guide.configFile).toBe(path.join(guides, 'mkdocs', 'mkdocs.yml'))
    expect(guide.docsDir).toBe(path.join(guides, 'mkdocs', 'docs'))
    expect(listChapters(guide).map((chapter) => [chapter.title, chapter.path, chapter.slug, chapter.line, chapter.exists])).toEqual([
      ['Home', 'index.md', '', 22, true],
      ['Introduction', 'part-1/introduction.md', '', 24, true],
      ['Chapter 1 - Run the toy', 'part-1/chapter-1-run-the-toy.md', 'chapter-1', 25, true],
      ['Chapter 2 - Share the toy', 'part-1/chapter-2-share-the-toy.md', 'chapter-2', 26, true],
      ['Chapter 7 - Move the toy to the cloud', 'part-1/chapter-7-move-the-toy.md', 'chapter-7', 27, true],
      ['Chapter 7 - Move the toy back', 'part-1/chapter-7-move-the-toy-back.md', 'chapter-7', 28, true],
      ['Missing chapter', 'part-1/chapter-8-missing.md', 'chapter-8', 29, false]
    ])
    expect(guide.chapters[1]!.section).toEqual(['Part 1 - Local'])
  })

  test('a nav entry pointing at a missing file is a problem with its line', () => {
    expect(guide.problems).toHaveLength(1)
    expect(guide.problems[0]).toMatchObject({file: guide.configFile, line: 29})
    expect(guide.problems[0]!.message).toContain('part-1/chapter-8-missing.md')
  })

  test('chapter-1 by title or file; a path; a file slug', () => {
    expect(resolveChapter('chapter-1', guide).path).toBe('part-1/chapter-1-run-the-toy.md')
    expect(resolveChapter('Chapter 2', guide).path).toBe('part-1/chapter-2-share-the-toy.md')
    expect(resolveChapter('docs/part-1/introduction.md', guide).title).toBe('Introduction')
    expect(resolveChapter('chapter-7-move-the-toy-back', guide).title).toBe('Chapter 7 - Move the toy back')
  })

  test('two chapter 7s: an error listing both candidates with the nav line', () => {
    const error = guideError(() => resolveChapter('chapter-7', guide))
    expect(error.file).toBe(guide.configFile)
    expect(error.line).toBe(27)
    expect(error.candidates).toEqual([
      'chapter-7: Chapter 7 - Move the toy to the cloud (part-1/chapter-7-move-the-toy.md, nav line 27)',
      'chapter-7: Chapter 7 - Move the toy back (part-1/chapter-7-move-the-toy-back.md, nav line 28)'
    ])
    expect(error.message).toContain('Name one of them')
  })

  test('no match: an error listing the available chapters', () => {
    const error = guideError(() => resolveChapter('chapter-99', guide))
    expect(error.message).toContain('no chapter matches "chapter-99"')
    expect(error.candidates).toHaveLength(7)
    expect(error.hint).toContain('chapter-<number>')
  })
})

describe('zensical.toml nav', async () => {
  const guide = await loadGuide(path.join(guides, 'zensical'))

  test('pages, docs_dir and lines from [project] nav', () => {
    expect(guide.configFile).toBe(path.join(guides, 'zensical', 'zensical.toml'))
    expect(guide.docsDir).toBe(path.join(guides, 'zensical', 'content'))
    expect(listChapters(guide).map((chapter) => [chapter.title, chapter.number, chapter.section, chapter.line])).toEqual([
      ['Home', undefined, [], 5],
      ['Chapter 2.1 - Build the image', '2.1', ['Part 2 - Cloud'], 7],
      ['Chapter 2.2: Deploy the image', '2.2', ['Part 2 - Cloud'], 8]
    ])
    expect(guide.problems).toEqual([])
  })

  test('the config file itself can be named', async () => {
    const named = await loadGuide(path.join(guides, 'zensical', 'zensical.toml'))
    expect(named.chapters.map((chapter) => chapter.path)).toEqual(guide.chapters.map((chapter) => chapter.path))
  })

  test('chapter-2.2 by title, chapter-22 by file name', () => {
    expect(resolveChapter('chapter-2.2', guide).path).toBe('part-2/chapter-22-deploy-the-image.md')
    expect(resolveChapter('chapter-22', guide).path).toBe('part-2/chapter-22-deploy-the-image.md')
    expect(resolveChapter('chapter-2.1', guide).path).toBe('part-2/chapter-21-build-the-image.md')
  })
})

describe('guides without a nav, broken configs', () => {
  const made: string[] = []
  afterAll(async () => {
    for (const dir of made) await rm(dir, {recursive: true, force: true})
  })

  test('no nav: Markdown files of docs/ in path order', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'guide-'))
    made.push(root)
    await mkdir(path.join(root, 'docs', 'b'), {recursive: true})
    await writeFile(path.join(root, 'mkdocs.yml'), 'site_name: no nav\n')
    await writeFile(path.join(root, 'docs', 'index.md'), '# Start\n')
    await writeFile(path.join(root, 'docs', 'b', 'chapter-3-x.md'), 'no heading\n')
    const guide = await loadGuide(root)
    expect(guide.chapters.map((chapter) => [chapter.path, chapter.title, chapter.slug])).toEqual([
      ['b/chapter-3-x.md', 'chapter-3-x', 'chapter-3'],
      ['index.md', 'Start', '']
    ])
  })

  test('broken YAML: a GuideError with file, line and what to do', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'guide-'))
    made.push(root)
    await writeFile(path.join(root, 'mkdocs.yml'), 'site_name: x\nnav:\n  - Home: index.md\n - bad: [\n')
    const error = await loadGuide(root).then(
      () => undefined,
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(GuideError)
    expect((error as GuideError).file).toBe(path.join(root, 'mkdocs.yml'))
    expect((error as GuideError).line).toBeGreaterThanOrEqual(3)
    expect((error as GuideError).hint).toContain('Fix the YAML syntax')
  })
})
