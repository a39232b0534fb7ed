import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {parseFenceMeta, parseHlLines} from '../../src/extract/index.js'
import {findBinds, findPlaceholders, findUses, planChapter} from '../../src/plan/index.js'
import type {CommandStep, ExpectStep, FileStep, Step} from '../../src/plan/types.js'

const file = fileURLToPath(new URL('../fixtures/extract/nested-tabs.md', import.meta.url))
const plan = planChapter(readFileSync(file, 'utf8'), file)
const byLine = new Map<number, Step>(plan.variants.flatMap((variant) => variant.steps).map((step) => [step.line, step]))
const at = <T extends Step>(line: number): T => byLine.get(line) as T

describe('steps of a team fixture (nested tabs and every block kind)', () => {
  test('title from the # heading, not the front matter; slug from the title', () => {
    expect(plan.title).toBe('Chapter 3 - Deploy the toy service')
    expect(plan.slug).toBe('chapter-3')
  })

  test('variants: provider x forge x os (+ the two ===! installer groups)', () => {
    expect(plan.variants.map((variant) => variant.id)).toEqual([
      'google-cloud+github+linux+using-pip+using-uv',
      'google-cloud+github+macos+using-pip+using-uv',
      'google-cloud+gitlab+linux+using-pip+using-uv',
      'google-cloud+gitlab+macos+using-pip+using-uv'
    ])
    expect(plan.variants[1]!.choices.map((choice) => choice.dimension)).toEqual(['provider', 'forge', 'os', 'installer', 'installer'])
    expect(plan.variants[1]!.steps.map((step) => step.line)).toEqual([28, 52, 58, 64, 68, 74, 86, 96, 102, 106, 112, 119])
    expect(plan.variants[2]!.steps[0]).toMatchObject({line: 38, tabs: ['Google Cloud', 'GitLab']})
    expect(at(20).tabs).toEqual(['Google Cloud', 'GitHub', 'Linux'])
  })

  test('an untitled export block is kept because a later command reads it', () => {
    const hidden = at<CommandStep>(64)
    expect(hidden).toMatchObject({kind: 'command', titled: false, binds: ['TOY_PROJECT'], text: 'export TOY_PROJECT=<my_toy-project>'})
    expect(hidden.notes).toEqual(['untitled block kept: it sets $TOY_PROJECT that the command at line 68 reads'])
    expect(byLine.has(80)).toBe(false) // reference-only block with <file>
  })

  test('variables: $1, single quotes and comments are not uses; unbound ones are inherited', () => {
    expect(at<CommandStep>(68).uses).toEqual([
      {name: 'TOY_PROJECT', line: 69},
      {name: 'TOY_REGION', line: 69}
    ])
    expect(plan.inheritedVariables).toEqual([{name: 'TOY_REGION', line: 69}])
  })

  test('file modes from the prose before the block', () => {
    const files = [86, 96, 102, 106].map((line) => at<FileStep>(line))
    expect(files.map((step) => [step.path, step.mode, step.hlLines, step.lang])).toEqual([
      ['params.yaml', 'full', [2, 3, 5], 'yaml'],
      ['src/serve.py', 'partial', [9, 10, 11, 16, 17], 'python'],
      ['toy.lock', 'display', [], 'json'],
      ['.gitignore', 'full', [], 'sh']
    ])
    expect(files[1]!.modeReason).toContain('Add the following lines after the imports')
    expect(files[2]!.modeReason).toContain('generates this lock file')
    expect(files[3]!.notes).toEqual(['fenced as `sh`, but the title names a file: treated as the file .gitignore'])
    expect(plan.notes.map((note) => [note.line, note.rule])).toEqual([[96, 'hl-lines-out-of-range']])
  })

  test('concurrent command; redirects and sed search tokens are not placeholders', () => {
    const server = at<CommandStep>(112)
    expect(server).toMatchObject({concurrent: true, titled: true, placeholders: []})
    expect(server.title).toBe('Execute the following command(s) in a separate terminal')
  })

  test('placeholders: every token of a command; in a file block only what the learner was asked for', () => {
    expect(plan.placeholders).toEqual([
      {raw: '<my_toy-project>', key: 'my toy project', line: 65, column: 20, offset: 19, because: {kind: 'command'}}
    ])
    // params.yaml's `<docker_image>` and `<my region>`: no prose asks for them, no command uses them.
    const params = at<FileStep>(86)
    expect(params.placeholders).toEqual([])
    expect(params.notes).toContain('kept as written: <docker_image>, <my region> (no prose asks to replace it and no command uses it)')
  })

  test('expected output and working-directory tree', () => {
    expect(at<ExpectStep>(74)).toMatchObject({forStep: 'command@68', target: 'output', cue: 'The output should look like this:', bodyStartLine: 75, bodyEndLine: 75, indent: 0, text: 'Initialised toy-project'})
    expect(at<ExpectStep>(119)).toMatchObject({forStep: null, target: 'tree', bodyStartLine: 120, bodyEndLine: 122, endLine: 123})
  })
})

describe('expect cues and bindings', () => {
  const doc = [
    '# Cues',
    '',
    '=== "A"',
    '',
    '    ```sh title="Execute the following command(s) in a terminal"',
    '    git status',
    '    ```',
    '',
    '    ```sh title="Execute the following command(s) in a terminal"',
    '    git log',
    '    ```',
    '',
    '    The output of the `git status` command should be similar to this:',
    '',
    '    ```',
    '    On branch main',
    '    ```',
    '',
    '    The output should be similar to:',
    '',
    '    ```json',
    '    {}',
    '    ```',
    '',
    'The output should look similar to this:',
    '',
    '```text',
    '```',
    ''
  ].join('\n')
  const cues = planChapter(doc, 'cues.md')
  const expects = cues.variants[0]!.steps.filter((step): step is ExpectStep => step.kind === 'expect')

  test('the named command wins over the nearest one; variants of the cue', () => {
    expect(expects.map((step) => [step.line, step.forStep, step.indent, step.bodyStartLine, step.bodyEndLine])).toEqual([
      [15, 'command@5', 4, 16, 16],
      [21, 'command@9', 4, 22, 22],
      [27, null, 0, 28, 27]
    ])
    expect(expects[2]!.notes).toContain('no earlier command in the same container: nothing to compare this output with')
  })
})

describe('building blocks', () => {
  test('fence meta and hl_lines', () => {
    expect(parseFenceMeta('title="requirements.txt" hl_lines="4"')).toEqual({title: 'requirements.txt', hlLines: [4], attributes: {title: 'requirements.txt', hl_lines: '4'}})
    expect(parseHlLines('2-5')).toEqual([2, 3, 4, 5])
    expect(parseHlLines('9-11 16-17')).toEqual([9, 10, 11, 16, 17])
    expect(parseHlLines('5-2 x')).toEqual([])
  })

  test('placeholders: styles in, redirects / html / generics / sed tokens out', () => {
    const keys = (text: string): string[] => findPlaceholders(text).map((match) => match.key)
    expect(keys('gcloud config set project <my project id>')).toEqual(['my project id'])
    expect(keys('export ID=<my_project_id> URL=<your git repository url>')).toEqual(['my project id', 'your git repository url'])
    expect(keys('curl http://<EXTERNAL-IP>:8080')).toEqual(['external ip'])
    expect(keys('sort < input.txt > out.txt')).toEqual([])
    expect(keys('echo "<div>hi</div>" <br>')).toEqual([])
    expect(keys('List<int> x')).toEqual([])
    expect(keys('sed -i "s/<docker_image>/$IMAGE/" k8s.yaml')).toEqual([])
    expect(keys('sed -i "s|old|<my image>|" k8s.yaml')).toEqual(['my image'])
  })

  test('binds: export, assignments at command position, for loops; not options or placeholders', () => {
    expect(findBinds('export A=1 B=2\nC=3 cmd --opt=4\nfor F in a b; do echo $F; done\n# export D=1')).toEqual(['A', 'B', 'C', 'F'])
    expect(findBinds('gcloud storage buckets create gs://$X --location=$Y')).toEqual([])
    expect(findBinds('export GCP_PROJECT_ID=<my project id>')).toEqual(['GCP_PROJECT_ID'])
  })

  test('uses: $X and ${X}, inside $(...); not $1, $?, single quotes, escapes, comments', () => {
    const names = (text: string): string[] => findUses(text, 1).map((use) => use.name)
    expect(names('echo $A ${B:-x} "$C" $(cat $D) $1 $? \\$E \'$F\' # $G')).toEqual(['A', 'B', 'C', 'D'])
    expect(findUses('a\nb $X', 10)).toEqual([{name: 'X', line: 11}])
  })
})
