// Every fenced block of the real seed guide's chapters 1-7, accounted for:
// the expected outputs and trees found (with their lines), the announced
// failure, the commands someone else runs, and file contents kept as the
// doc writes them unless the prose asks for a value.
import {describe, expect, test} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {fillPlaceholders, resolvePlaceholders} from '../../src/plan/index.js'
import type {BlockPlan, ChapterPlan, CommandStep, ExpectStep, FileStep, Step} from '../../src/plan/types.js'
import {readSeedGuide, seedGuideAvailable, seedGuideChapters} from './seeds.js'

const present = seedGuideAvailable()

function planOf(chapter: keyof typeof seedGuideChapters): ChapterPlan {
  const file = seedGuideChapters[chapter]
  return planChapter(readSeedGuide(file), file)
}

function stepsOf(plan: ChapterPlan): Map<string, Step> {
  return new Map(plan.variants.flatMap((variant) => variant.steps).map((step) => [step.id, step]))
}

const lines = (blocks: BlockPlan[], kind: BlockPlan['kind'], coverage?: BlockPlan['coverage']): number[] =>
  blocks.filter((block) => block.kind === kind && (coverage === undefined || block.coverage === coverage)).map((block) => block.line)

/** Opening fences found by a plain scan of the text, independent of the parser. */
function fenceLines(text: string): number[] {
  const found: number[] = []
  let open: string | undefined
  text.split('\n').forEach((line, index) => {
    const match = /^\s*(`{3,}|~{3,})(.*)$/.exec(line)
    if (!match) return
    if (open === undefined) {
      open = match[1]!
      found.push(index + 1)
    } else if (match[2]!.trim() === '' && match[1]!.startsWith(open)) open = undefined
  })
  return found
}

describe.runIf(present)('seed guide chapters 1-7: every block accounted for', () => {
  test.each([1, 2, 3, 4, 5, 6, 7] as const)('chapter %i: one block record per fence, each with a reason', (chapter) => {
    const plan = planOf(chapter)
    expect(plan.blocks.map((block) => block.line)).toEqual(fenceLines(readSeedGuide(seedGuideChapters[chapter])))
    for (const block of plan.blocks) {
      expect(block.reason, `line ${block.line}`).not.toBe('')
      if (block.coverage !== 'verified') expect(block.coverageReason, `line ${block.line}`).toBeTruthy()
      if (block.stepId !== undefined) expect(stepsOf(plan).has(block.stepId), `line ${block.line}`).toBe(true)
    }
  })

  test('chapter 1: the working-directory tree, with its `# (1)!` annotations and `...` understood', () => {
    const plan = planOf(1)
    expect(lines(plan.blocks, 'output')).toEqual([])
    expect(lines(plan.blocks, 'tree', 'verified')).toEqual([118])
    const tree = stepsOf(plan).get('expect@118') as ExpectStep
    expect(tree.target).toBe('tree')
    expect(tree.tree.map((entry) => [entry.path, entry.type, entry.elided, entry.line])).toEqual([
      ['data', 'directory', false, 120],
      ['data/raw', 'directory', true, 121],
      ['data/README.md', 'any', false, 123],
      ['README.md', 'any', false, 124],
      ['notebook.ipynb', 'any', false, 125],
      ['requirements.txt', 'any', false, 126]
    ])
  })

  test('chapter 1: "Your colleague provided you the URL" is the learner\'s own command', () => {
    const commands = [...stepsOf(planOf(1)).values()].filter((step): step is CommandStep => step.kind === 'command')
    expect(commands.filter((step) => step.someoneElse)).toEqual([])
  })

  test('chapter 2: both trees ("should now look like this:" and "should now be similar to this:")', () => {
    const plan = planOf(2)
    expect(lines(plan.blocks, 'tree', 'verified')).toEqual([675, 726])
    const after = stepsOf(plan).get('expect@726') as ExpectStep
    expect(after.tree.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['data/prepared/test', 'evaluation/plots/confusion_matrix.png', 'evaluation/metrics.json', 'model', 'src/utils/seed.py', 'requirements-freeze.txt'])
    )
    expect(after.tree.find((entry) => entry.path === 'model')).toMatchObject({type: 'directory', elided: true})
    expect(lines(plan.blocks, 'output')).toEqual([])
  })

  test('chapter 2: usage strings like `prepare.py <raw-dataset-folder>` are not placeholders; file blocks are written as shown', () => {
    const plan = planOf(2)
    const values = resolvePlaceholders(plan)
    const files = [...stepsOf(plan).values()].filter((step): step is FileStep => step.kind === 'file')
    expect(files.map((step) => step.path)).toEqual(['requirements.txt', 'params.yaml', 'src/prepare.py', 'src/train.py', 'src/evaluate.py', 'src/utils/seed.py', 'README.md'])
    for (const step of files) {
      expect(step.placeholders, step.path).toEqual([])
      expect(fillPlaceholders(step.text, step.placeholders, values), step.path).toBe(step.text)
    }
    const prepare = files.find((step) => step.path === 'src/prepare.py')!
    expect(prepare.text).toContain('prepare.py <raw-dataset-folder> <prepared-dataset-folder>')
    expect(plan.placeholders).toEqual([])
  })

  test('chapter 3: seven expected outputs, every cue wording, and the announced failure', () => {
    const plan = planOf(3)
    const steps = stepsOf(plan)
    expect(lines(plan.blocks, 'output', 'verified')).toEqual([94, 162, 212, 269, 312, 336, 370])
    expect(plan.blocks.filter((block) => block.kind === 'output').map((block) => [block.line, (steps.get(block.stepId!) as ExpectStep).forStep])).toEqual([
      [94, 'command@87'],
      [162, 'command@152'],
      [212, 'command@205'],
      [269, 'command@262'],
      [312, 'command@305'],
      [336, 'command@329'],
      [370, 'command@360']
    ])
    expect((steps.get('command@262') as CommandStep).announcedFailure).toEqual({cue: 'Spoiler, it will fail:', line: 260})
    const failing = [...steps.values()].filter((step) => step.kind === 'command' && step.announcedFailure !== undefined)
    expect(failing.map((step) => step.id)).toEqual(['command@262'])
  })

  test('chapter 4: DVC\'s .gitignore is display-only; unannounced outputs are found but not verified', () => {
    const plan = planOf(4)
    expect(lines(plan.blocks, 'output', 'verified')).toEqual([115, 349])
    expect(lines(plan.blocks, 'output', 'not-verified')).toEqual([281, 327])
    const display = plan.blocks.find((block) => block.line === 254)!
    expect(display).toMatchObject({kind: 'file', mode: 'display', coverage: 'display-only'})
    expect(display.reason).toContain('Notice that DVC also updated the main gitignore file')
    expect(plan.blocks.find((block) => block.line === 89)).toMatchObject({kind: 'file', mode: 'full', coverage: 'verified'})
  })

  test('chapter 4: "As a reminder, the current steps ... are as follow:" is shown, not run again', () => {
    const plan = planOf(4)
    const reminder = plan.blocks.find((block) => block.line === 61)!
    expect(reminder).toMatchObject({kind: 'reference', coverage: 'display-only'})
    expect(reminder.reason).toContain('As a reminder, the current steps to run the experiment are as follow:')
    expect(stepsOf(plan).has('command@61')).toBe(false)
    // The same title under other prose still runs.
    expect(stepsOf(plan).get('command@108')).toMatchObject({kind: 'command'})
  })

  test('chapter 5: five expected outputs, "look like this." with a full stop included', () => {
    const plan = planOf(5)
    expect(lines(plan.blocks, 'output', 'verified')).toEqual([52, 106, 127, 202, 232])
    expect(lines(plan.blocks, 'tree')).toEqual([])
  })

  test('chapter 6: the teammate\'s clone is someone else\'s command', () => {
    const plan = planOf(6)
    const steps = [...stepsOf(plan).values()].filter((step): step is CommandStep => step.kind === 'command')
    expect(steps.filter((step) => step.someoneElse).map((step) => [step.id, step.someoneElse!.line])).toEqual([['command@140', 137]])
    expect(lines(plan.blocks, 'output')).toEqual([])
  })

  test('chapter 7: expected outputs, and the other member\'s `dvc pull` and `dvc repro`', () => {
    const plan = planOf(7)
    expect(lines(plan.blocks, 'output', 'verified')).toEqual([333, 422])
    const steps = [...stepsOf(plan).values()].filter((step): step is CommandStep => step.kind === 'command')
    expect(steps.filter((step) => step.someoneElse).map((step) => step.id)).toEqual(['command@484', 'command@492'])
    // "Change the bucket name if the command fails." is a condition, not an announcement.
    expect(steps.filter((step) => step.announcedFailure)).toEqual([])
  })

  test.each([1, 2, 3, 4, 5, 6, 7] as const)('chapter %i: no file or expected-output text changes unless the prose asks for a value', (chapter) => {
    const plan = planOf(chapter)
    const values = resolvePlaceholders(plan)
    for (const step of stepsOf(plan).values()) {
      if (step.kind === 'command') continue
      const asked = step.placeholders.every((use) => use.because.kind === 'prose' || plan.placeholders.some((known) => known.key === use.key))
      expect(asked, `${step.id}`).toBe(true)
      if (step.placeholders.length === 0) expect(fillPlaceholders(step.text, step.placeholders, values), step.id).toBe(step.text)
    }
  })
})

describe.runIf(present)('seed guide, every chapter: no output cue is missed', () => {
  // Independent of the planner: the paragraph right before a fence, read as text.
  const cue = /\b(?:output\b[^.:]*\bshould (?:be similar|look)|following output|working directory should)/i

  test('every fence after an output or tree cue is an output or a tree, never a reference', async () => {
    const {readdirSync} = await import('node:fs')
    const {seedGuideDir} = await import('./seeds.js')
    const files = (readdirSync(`${seedGuideDir}docs`, {recursive: true}) as string[]).filter((file) => file.endsWith('.md')).sort()
    expect(files.length).toBeGreaterThan(30)
    let cued = 0
    for (const file of files) {
      const text = readSeedGuide(file)
      const plan = planChapter(text, file)
      const lines = text.split('\n')
      for (const block of plan.blocks) {
        let index = block.line - 2
        while (index >= 0 && lines[index]!.trim() === '') index--
        const paragraph: string[] = []
        while (index >= 0 && lines[index]!.trim() !== '' && !/^\s*(?:`{3,}|~{3,}|===|!!!|\?\?\?)/.test(lines[index]!)) paragraph.unshift(lines[index--]!.trim())
        if (!cue.test(paragraph.join(' '))) continue
        cued++
        expect(['output', 'tree'], `${file}:${block.line} after "${paragraph.join(' ')}"`).toContain(block.kind)
      }
    }
    // 51 cue-introduced blocks in the seed snapshot (counted by hand from a grep of every fence).
    expect(cued).toBe(51)
  })
})
