/**
 * Run `main()` in-process the way a user runs `docs-verify` in a terminal
 * of CI: captured output streams that are not TTYs, a working directory of
 * the test's own (a temporary guide holding copies of the bundled chapters,
 * so the repository's docs are never touched) and the CI environment.
 */
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {main} from '../../src/cli/lib/main.js'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const bundledGuide = path.join(repoRoot, 'docs', 'guide')
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds')

export const chapterFiles = {
  1: 'chapter-1-run-a-simple-ml-experiment.md',
  2: 'chapter-2-version-the-ml-experiment-code-with-git.md'
} as const

/** A writable stream that keeps what is written, as a pipe would. */
export class CapturedStream extends Writable {
  readonly isTTY = false
  private readonly chunks: string[] = []

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
    callback()
  }

  text(): string {
    return this.chunks.join('')
  }
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** The environment of a CI job: no colour, real PATH and HOME unless
 * overridden. */
export function ciEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    CI: 'true',
    NO_COLOR: '1',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.homedir(),
    ...extra
  }
}

/** `docs-verify ...argv` in `cwd`; never throws (main never does). */
export async function runCli(argv: readonly string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<CliResult> {
  const stdout = new CapturedStream()
  const stderr = new CapturedStream()
  const code = await main(argv, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    cwd: options.cwd,
    env: options.env ?? ciEnv()
  })
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

export interface GuidePage {
  /** File name under docs/. */
  name: string
  /** The page's text (a bundled chapter read at test time, maybe changed). */
  text: string
  /** Nav title; default: the file name. */
  title?: string
}

/** Read a bundled chapter (number) as text. */
export async function bundledChapter(number: keyof typeof chapterFiles): Promise<GuidePage> {
  const name = chapterFiles[number]
  return {name, text: await readFile(path.join(bundledGuide, name), 'utf8')}
}

/** A temporary guide: `mkdocs.yml` with a nav listing `pages` in order and
 * `docs/<name>` for each. Returns its root. */
export async function makeGuide(pages: readonly GuidePage[]): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dv-e2e-guide-'))
  await mkdir(path.join(root, 'docs'))
  const nav = pages.map((page) => `  - ${JSON.stringify(page.title ?? page.name.replace(/\.md$/, ''))}: ${JSON.stringify(page.name)}`)
  await writeFile(path.join(root, 'mkdocs.yml'), ['site_name: e2e guide', 'docs_dir: docs', 'nav:', ...nav, ''].join('\n'))
  for (const page of pages) await writeFile(path.join(root, 'docs', page.name), page.text)
  return root
}

/** Copy a file into a folder (a fixture into a temporary guide). */
export async function copyInto(file: string, dir: string): Promise<string> {
  const target = path.join(dir, path.basename(file))
  await copyFile(file, target)
  return target
}

/** Replace `from` by `to` exactly once: a change the test meant to make
 * must not silently miss. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from)
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`the bundled chapter changed: expected exactly one ${JSON.stringify(from.slice(0, 60))}; update the test`)
  }
  return text.slice(0, at) + to + text.slice(at + from.length)
}

/** 1-based line of the first line of `text` that equals `line` exactly,
 * searching from `after` (a line number). */
export function lineOf(text: string, line: string, after = 0): number {
  const index = text.split('\n').findIndex((current, i) => i >= after && current === line)
  if (index < 0) throw new Error(`no line ${JSON.stringify(line)} in the chapter`)
  return index + 1
}

/** sha256 of every file under `dir` (relative path -> hash), links and
 * folders included, to prove a run left the user's tree as it was. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name)
    const relative = path.relative(dir, full)
    if (entry.isFile()) hashes[relative] = createHash('sha256').update(await readFile(full)).digest('hex')
    else hashes[relative] = entry.isDirectory() ? 'dir' : 'other'
  }
  return hashes
}

/** Remove temporary folders the tests made. */
export async function removeAll(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) if (existsSync(dir)) await rm(dir, {recursive: true, force: true})
}

/** Under CI=true a missing input fails loudly; locally the test may skip. */
export function requireInput(what: string, present: boolean): boolean {
  if (present) return true
  if (process.env.CI === 'true') throw new Error(`missing: ${what} (needed by this end-to-end test)`)
  return false
}

export interface JsonReport {
  sandbox?: {mode: string; isolated: boolean; networkFiltered: boolean; reason: string; network?: string; deniedHosts?: {target: string; reason: string; count: number}[]}
  chapters: {
    file: string
    slug: string
    variant: string
    status: string
    message?: string
    steps: {id: string; kind: string; line: number; status: string; message?: string; title?: string; command?: string; expectLine?: number; diff?: string}[]
    checks: {name: string; status: string; message: string; line: number}[]
  }[]
}

/** Parse the `--reporter json` output, failing with the raw text when it is not JSON. */
export function parseReport(result: CliResult): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport
  } catch {
    throw new Error(`--reporter json printed no JSON (exit ${result.code}):\nstdout: ${result.stdout}\nstderr: ${result.stderr}`)
  }
}
