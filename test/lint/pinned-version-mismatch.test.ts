import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintFiles} from '../../src/lint/index.js'
import {md} from './fixtures.js'

const rule = 'pinned-version-mismatch'

describe(rule, () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lint-pins-'))
  })
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  async function chapters(...texts: string[]): Promise<string[]> {
    const paths = texts.map((_, index) => join(dir, `chapter-${index + 1}.md`))
    await Promise.all(texts.map((text, index) => writeFile(paths[index]!, text)))
    return paths
  }

  it('reports the minority pin, with the other locations, counting dvc[gs] as dvc', async () => {
    const [one, two, three] = await chapters(
      md('```txt title="requirements.txt"', 'pyyaml==6.0', 'dvc==3.63.0', '```'),
      md('=== "Google Cloud"', '', '    ```txt title="requirements.txt" hl_lines="2"', '    pyyaml==6.0', '    dvc[gs]==3.60.1', '    ```'),
      md('```sh title="Execute the following command(s) in a terminal"', 'pip install "dvc==3.63.0" \\', '    pyyaml==6.0', '```')
    )
    const diagnostics = (await lintFiles([one!, two!, three!])).filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => [d.file, d.line, d.column])).toEqual([[two, 5, 5]])
    expect(diagnostics[0]?.message).toContain(`${one}:3`)
    expect(diagnostics[0]?.message).toContain(`${three}:2`)
  })

  it('accepts matching pins, a chapter upgrading its own pin, and pins in diffs', async () => {
    const [one, two] = await chapters(
      md('```txt title="requirements.txt"', 'dvc==3.47.0', '```', '', '```txt title="requirements.txt"', 'dvc==3.50.0', '```'),
      md('```diff', '-dvc==3.10.0', '+dvc[gs]==3.47.0', '```', '', '```sh', 'pip install dvc==3.50.0', '```')
    )
    expect((await lintFiles([one!, two!])).filter((d) => d.rule === rule)).toEqual([])
  })

  it('reads pins from pyproject.toml blocks and `uv add`', async () => {
    const [one, two, three] = await chapters(
      md('```toml title="pyproject.toml"', '[project]', 'dependencies = ["dvc[gs]==3.63.0", "pyyaml==6.0.3"]', '```'),
      md('```sh', 'uv add "dvc==3.60.1"', '```'),
      md('```sh', 'uv pip install dvc[gs]==3.63.0', '```')
    )
    const diagnostics = (await lintFiles([one!, two!, three!])).filter((d) => d.rule === rule)
    expect(diagnostics.map((d) => [d.file, d.line, d.column])).toEqual([[two, 2, 9]])
  })
})
