/**
 * The commands' script runs from a V8 code cache made when a run ends
 * (src/cli/lib/code-cached-script.ts). Each case is a real Node process
 * running a small CommonJS script through it, since the cache is written
 * as the process exits.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {repoRoot} from './run-cli.js'

let work: string
let script: string
let driver: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-code-cache-'))
  script = path.join(work, 'commands.cjs')
  writeFileSync(
    script,
    `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
function words(text) { return text.split(/\\s+/).filter(Boolean).map((word) => word.toUpperCase()) }
exports.run = () => ({fib: fib(15), words: words('a run ends'), file: __filename, dir: require('node:path').basename(__dirname)})
`
  )
  driver = path.join(work, 'driver.mjs')
  writeFileSync(
    driver,
    `import {runCodeCachedScript} from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'src/cli/lib/code-cached-script.ts')).href)}
const [file, dir, kind, exitCode] = process.argv.slice(2)
const loaded = runCodeCachedScript(file, {dir: dir === '-' ? undefined : dir, kind})
if (kind !== 'idle') process.stdout.write(JSON.stringify(loaded.run()))
process.exitCode = Number(exitCode)
`
  )
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

function run(dir: string, kind = 'dry-run', exitCode = 0) {
  const result = spawnSync(process.execPath, [driver, script, dir, kind, String(exitCode)], {encoding: 'utf8'})
  expect(result.stderr).toBe('')
  expect(result.status).toBe(exitCode)
  if (kind !== 'idle') expect(JSON.parse(result.stdout)).toEqual({fib: 610, words: ['A', 'RUN', 'ENDS'], file: script, dir: path.basename(work)})
}

const cacheOf = (dir: string, kind = 'dry-run') => path.join(dir, `commands-${kind}-${process.version}-${process.arch}.v8`)

describe('runCodeCachedScript', () => {
  it('writes the cache when a run ends, then runs from it without writing it again', () => {
    const dir = path.join(work, 'cache')
    run(dir)
    const written = statSync(cacheOf(dir))
    expect(written.mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    utimesSync(cacheOf(dir), 0, 0)
    run(dir)
    const used = statSync(cacheOf(dir))
    // Accepted by V8: not rewritten (same file), marked used (mtime now).
    expect(used.ino).toBe(written.ino)
    expect(used.mtimeMs).toBeGreaterThan(Date.now() - 60_000)
  })

  it('holds the functions the run called, not only what compiling the script made', () => {
    const dir = path.join(work, 'kinds')
    run(dir, 'dry-run')
    run(dir, 'idle')
    expect(statSync(cacheOf(dir, 'dry-run')).size).toBeGreaterThan(statSync(cacheOf(dir, 'idle')).size)
  })

  it('writes no cache for a run that ended in a usage or internal error (exit code 2)', () => {
    const dir = path.join(work, 'failed')
    run(dir, 'dry-run', 2)
    expect(existsSync(cacheOf(dir))).toBe(false)
    run(dir, 'dry-run', 1)
    expect(existsSync(cacheOf(dir))).toBe(true)
  })

  it('replaces a cache V8 rejects (corrupt, or from another V8 or flags)', () => {
    const dir = path.join(work, 'corrupt')
    mkdirSync(dir, {mode: 0o700})
    writeFileSync(cacheOf(dir), 'not a code cache', {mode: 0o600})
    run(dir)
    expect(readFileSync(cacheOf(dir)).length).toBeGreaterThan('not a code cache'.length)
  })

  it('neither reads nor writes a cache in a folder others may write (the cache is code this process runs)', () => {
    const dir = path.join(work, 'shared')
    mkdirSync(dir)
    chmodSync(dir, 0o777)
    writeFileSync(cacheOf(dir), 'planted')
    utimesSync(cacheOf(dir), 0, 0)
    run(dir)
    expect(readFileSync(cacheOf(dir), 'utf8')).toBe('planted')
    expect(statSync(cacheOf(dir)).mtimeMs).toBe(0)
  })

  it('runs without a cache where the folder cannot be made, or when the cache is off', () => {
    const file = path.join(work, 'a-file')
    writeFileSync(file, '')
    run(path.join(file, 'cache'))
    run('-')
  })
})
