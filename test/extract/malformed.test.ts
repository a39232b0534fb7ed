import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {parseMarkdown} from '../../src/extract/index.js'
import {planChapter} from '../../src/plan/index.js'
import type {ChapterPlan} from '../../src/plan/types.js'

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url)), 'utf8')
const rules = (plan: ChapterPlan): [number, string][] => plan.notes.map((note) => [note.line, note.rule])

describe('malformed input gives diagnostics, never a crash', () => {
  test('unclosed fences: inside a tab the body ends it; at the end of the file it runs to the end', () => {
    const plan = planChapter(read('unclosed-fence.md'), 'unclosed-fence.md')
    expect(rules(plan)).toEqual([
      [5, 'unclosed-fence'],
      [18, 'unclosed-fence']
    ])
    expect(plan.notes[0]!.message).toContain('end of its container')
    const steps = plan.variants.flatMap((variant) => variant.steps.map((step) => [variant.id, step.kind, step.line, step.endLine]))
    expect(steps).toEqual([
      ['broken', 'command', 5, 6],
      ['broken', 'expect', 18, 20],
      ['fine', 'command', 10, 12],
      ['fine', 'expect', 18, 20]
    ])
    const expectStep = plan.variants[0]!.steps[1]!
    expect(expectStep).toMatchObject({kind: 'expect', bodyStartLine: 19, bodyEndLine: 20, forStep: null})
  })

  test('bad indentation: the container is empty, the line is reported, the steps survive', () => {
    const plan = planChapter(read('bad-indentation.md'), 'bad-indentation.md')
    expect(rules(plan)).toEqual([
      [5, 'container-bad-indentation'],
      [7, 'tab-group-without-commands'],
      [9, 'container-bad-indentation']
    ])
    expect(plan.notes[0]!.message).toContain('Indent its body by 4 spaces')
    expect(plan.variants.map((variant) => variant.id)).toEqual(['default'])
    expect(plan.variants[0]!.steps.map((step) => [step.line, step.tabs])).toEqual([
      [9, []],
      [13, []]
    ])
  })

  test('binary junk', () => {
    const junk = Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919 + 13) % 256)).toString('latin1')
    const plan = planChapter(`# Junk\n\n${junk}\n=== "x"\n\n    \u0000\u0001\`\`\`\n`, 'junk.md')
    expect(plan.notes.some((note) => note.rule === 'binary-content' && note.severity === 'warning')).toBe(true)
    expect(plan.title).toBe('Junk')
  })

  test('empty and blank files', () => {
    for (const text of ['', '\n', '   \r\n\t\n']) {
      const plan = planChapter(text, 'docs/chapter-9-empty.md')
      expect(plan).toMatchObject({title: 'chapter-9-empty.md', slug: 'chapter-9', placeholders: [], inheritedVariables: []})
      expect(plan.variants).toEqual([{id: 'default', choices: [], steps: []}])
      expect(rules(plan)).toEqual([[1, 'empty-file']])
      expect(parseMarkdown(text, 'x.md').type).toBe('root')
    }
  })

  test('a marker as the last line, a fence marker with nothing after it', () => {
    const plan = planChapter('# T\n\n!!! note\n=== "A"\n```', 't.md')
    expect(rules(plan)).toEqual([
      [1, 'no-steps'],
      [4, 'tab-group-without-commands'],
      [5, 'unclosed-fence']
    ])
  })

  test('seeded mutations of the fixtures: no crash, and the planning parse agrees with the full one', () => {
    const sources = ['nested-tabs.md', 'containers.md', 'unclosed-fence.md', 'bad-indentation.md'].map(read)
    const pieces = ['<figure markdown>', '<!-- ', ' -->', '[x]: y\n', '    ```', '* ', '\n', '    ', '\t', '```', '~~~', '=== "X"\n', '!!! note\n', '???+ tip "T"\n', '<<<<<<< HEAD\n', '=======\n', '>>>>>>> x\n', '\r\n', '\r', '\u0000', '<my id>', '$X', "'", '"', '`', '#', '- ', '1. ', '> ', ':::', '---\n', '\\']
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    for (let round = 0; round < 150; round++) {
      let text = sources[random(sources.length)]!
      for (let edit = 1 + random(20); edit > 0; edit--) {
        const at = random(text.length + 1)
        const kind = random(3)
        if (kind === 0) text = text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at)
        else if (kind === 1) text = text.slice(0, at) + text.slice(at + random(50))
        else {
          const from = random(text.length + 1)
          text = text.slice(0, at) + text.slice(from, from + random(200)) + text.slice(at)
        }
      }
      const plan = planChapter(text, 'mutated.md')
      expect(plan.notes.filter((note) => note.rule === 'internal-error')).toEqual([])
      expect(plan).toEqual(planChapter(text, 'mutated.md', {fastParse: false}))
    }
  })

  test('containers nested thousands deep are refused at once with an error at the line (micromark would take minutes); 60 deep still parse', () => {
    const nested = (depth: number): string => {
      const lines = ['# Deep', '']
      for (let level = 0; level < depth; level++) lines.push(`${'    '.repeat(level)}=== "T${level}"`, '')
      lines.push(`${'    '.repeat(depth)}echo`)
      return lines.join('\n')
    }
    const refused = planChapter(nested(3000), 'deep.md')
    // Level i's marker is on line 3 + 2i: the 65th level (i = 64) on line 131.
    expect(refused.notes.map((note) => [note.rule, note.severity, note.line, note.message.includes('nest them less deeply')])).toEqual([['nesting-too-deep', 'error', 131, true]])
    expect(refused.blocks).toEqual([])
    const deep = planChapter(nested(60), 'deep.md')
    expect(deep.notes.filter((note) => note.rule === 'internal-error')).toEqual([])
    expect(parseMarkdown(nested(60), 'deep.md').children[1]).toMatchObject({type: 'containerDirective', data: {label: 'T0'}})
  })

  test('a 5 MB chapter (a huge expected output between two copies of a chapter)', () => {
    const unit = read('nested-tabs.md')
    const unitLines = unit.split('\n').length - 1
    const log = 'INFO 2026-01-01T00:00:00Z worker-3 processed batch 1234 of 99999 in 12.5 ms, loss=0.1234\n'
    const logLines = Math.ceil((5 * 1024 * 1024) / log.length)
    const text = `${unit}\nThe output should be similar to this:\n\n\`\`\`text\n${log.repeat(logLines)}\`\`\`\n\n${unit}`
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024)
    const plan = planChapter(text, 'big.md')
    const steps = plan.variants[0]!.steps
    expect(steps).toHaveLength(25)
    const huge = steps[12]!
    expect(huge).toMatchObject({kind: 'expect', line: unitLines + 4, forStep: 'command@112', bodyStartLine: unitLines + 5, bodyEndLine: unitLines + 4 + logLines})
    const offset = unitLines + 4 + logLines + 2
    expect(steps.at(-1)!.id).toBe(`expect@${offset + 119}`)
  }, 120_000)
})
