/**
 * A reader that goes away (`docs-verify ... | head`) ends nothing but the
 * output: a real pipe whose reading end this test closes, and a real Node
 * process writing into it through ignoreClosedReader.
 */
import {spawn} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {repoRoot} from './run-cli.js'

const module = pathToFileURL(path.join(repoRoot, 'src/cli/lib/closed-reader.ts')).href

/** A process writing 4 MB in lines; the test reads one chunk, then closes
 * the pipe. Its exit code and standard error. */
function writeIntoClosedPipe(ignore: boolean): Promise<{code: number | null; stderr: string; after: string}> {
  const program = `${ignore ? `import {ignoreClosedReader} from ${JSON.stringify(module)}; ignoreClosedReader(process.stdout);` : ''}
const line = 'x'.repeat(99) + '\\n'
for (let i = 0; i < 40_000; i++) process.stdout.write(line)
process.stdout.write('', () => { process.stderr.write('still running\\n'); process.exitCode = 7 })
`
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('close', (code) => resolve({code, stderr: stderr.replace('still running\n', ''), after: stderr.includes('still running') ? 'ran on' : 'stopped'}))
  })
}

describe('ignoreClosedReader', () => {
  it('lets the command run on to its own exit code when the reader of its output goes away', async () => {
    const result = await writeIntoClosedPipe(true)
    expect(result).toEqual({code: 7, stderr: '', after: 'ran on'})
  })

  it('is needed: without it Node ends the process with an EPIPE stack trace', async () => {
    const result = await writeIntoClosedPipe(false)
    expect(result.code).not.toBe(7)
    expect(result.stderr).toContain('EPIPE')
  })
})
