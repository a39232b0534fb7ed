/**
 * The two suites are told apart by the file name alone (vitest.config.ts):
 * `*.e2e.test.ts` starts real components, every other `*.test.ts` is the
 * unit suite `npm test` runs on every change. A unit file that starts one
 * of them would make `npm test` slow, or make it need a tool it must not;
 * this names the file and the fix. (A whole chapter run through `runCli`
 * is not caught here: the file name is the author's call, see README.)
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const testRoot = fileURLToPath(new URL('../', import.meta.url))
/** This file names the patterns, so it would match them. */
const self = 'architecture/suites.test.ts'

/** What starts a component only the end-to-end suite may need. */
const components: {name: string; pattern: RegExp}[] = [
  {name: 'a Docker engine', pattern: /from '[^']*\/docker-engine\.js'/},
  {name: 'a DVC install', pattern: /from '[^']*\/dvc-venv\.js'/},
  {name: 'fake-gcs-server', pattern: /\bfakeGcsServer\b|\bstartGcsEmulator\(/},
  {name: 'bubblewrap, gcloud, Go, socat or curl', pattern: /\brequireTools?\(\s*\[?[^)]*'(?:bwrap|gcloud|go|socat|curl|docker|dvc|fake-gcs-server)'/},
  {name: 'npm pack', pattern: /\['pack'/}
]

function testFiles(): string[] {
  return readdirSync(testRoot, {recursive: true, encoding: 'utf8'})
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.test.ts') && file !== self)
    .sort()
}

const read = (file: string): string => readFileSync(path.join(testRoot, file), 'utf8')

describe('the unit suite starts no end-to-end component', () => {
  const files = testFiles()
  const e2e = files.filter((file) => file.endsWith('.e2e.test.ts'))
  const unit = files.filter((file) => !file.endsWith('.e2e.test.ts'))

  it('finds both suites', () => {
    expect(unit.length).toBeGreaterThan(50)
    expect(e2e.length).toBeGreaterThan(10)
  })

  it.each(components)('each pattern finds $name in some end-to-end file (the check is not vacuous)', ({pattern}) => {
    expect(e2e.filter((file) => pattern.test(read(file)))).not.toEqual([])
  })

  it('no unit test file starts one: rename it to *.e2e.test.ts or move the test there', () => {
    const found = unit.flatMap((file) => {
      const text = read(file)
      return components.filter(({pattern}) => pattern.test(text)).map(({name}) => `test/${file} starts ${name}: rename it to test/${file.replace(/\.test\.ts$/, '.e2e.test.ts')} or move that test into one`)
    })
    expect(found).toEqual([])
  })
})
