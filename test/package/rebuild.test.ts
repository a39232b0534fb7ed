/**
 * A rebuild of the CLI bundle (`./dev`, `npm run build`) in a checkout a
 * long docs-verify run is going from: the run loads its chunks lazily, by
 * the names its build gave them, so the rebuild must leave them in place.
 * Real esbuild and the real bundle script, on a copy of this checkout's
 * sources (the copy is edited, never the checkout).
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, statSync, utimesSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {replaceBuildOutput, staleFilesKeptMs} from '../../scripts/replace-build-output.js'
import {repoRoot} from '../cli/run-cli.js'

let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-rebuild-'))
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

/** Every file under `dir` -> its bytes. */
function snapshot(dir: string, relative = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(path.join(dir, relative), {withFileTypes: true})) {
    const name = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) for (const [file, bytes] of snapshot(dir, name)) files.set(file, bytes)
    else files.set(name, readFileSync(path.join(dir, name)))
  }
  return files
}

function node(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, args, {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', NODE_COMPILE_CACHE: path.join(work, 'compile-cache')}})
}

describe('scripts/bundle-cli.js run again in the same checkout', {timeout: 180_000}, () => {
  it('keeps every file an earlier build wrote, so a run started from it still loads its lazy chunks', async () => {
    const checkout = path.join(work, 'checkout')
    await mkdir(checkout)
    for (const entry of ['src', 'scripts', 'package.json', 'tsconfig.json']) await cp(path.join(repoRoot, entry), path.join(checkout, entry), {recursive: true})
    await symlink(path.join(repoRoot, 'node_modules'), path.join(checkout, 'node_modules'))
    const cli = path.join(checkout, 'dist', 'cli')
    const bundle = () => {
      const built = node([path.join(checkout, 'scripts', 'bundle-cli.js')], checkout)
      expect(built.stderr).toBe('')
      expect(built.status).toBe(0)
    }

    bundle()
    const first = snapshot(cli)
    // A dry-run's script holds the planner, not the runner or the emulator
    // (esbuild names each module it bundles in a comment).
    const dryRunScript = [...first].find(([file]) => /^chunks\/run-verify-dry-run-[A-Z0-9]+\.cjs$/.test(file))![1].toString('utf8')
    expect(dryRunScript).toContain('// src/plan/lib/plan-chapter.ts\n')
    expect(dryRunScript).not.toMatch(/^\/\/ src\/(runner\/lib\/shell-session|cloud\/lib\/emulator|runner\/index)\.ts$/m)
    // The run already going: its entry, as loaded before the rebuild.
    await writeFile(path.join(cli, 'bin-of-the-running-process.js'), first.get('bin.js')!)
    const oldText = 'runs first, in the same sandbox: '
    const dryRun = path.join(checkout, 'src/cli/lib/commands/dry-run.ts')
    const source = await readFile(dryRun, 'utf8')
    expect(source).toContain(oldText)
    await writeFile(dryRun, source.replace(oldText, 'runs first (rebuilt): '))
    bundle()

    const second = snapshot(cli)
    const changed = [...first.keys()].filter((file) => file.startsWith('chunks/') && !second.get(file)?.equals(first.get(file)!))
    expect(changed).toEqual([])
    // The edit reached the dry-run's chunk and every chunk importing it: new names.
    const added = [...second.keys()].filter((file) => file.startsWith('chunks/') && !first.has(file))
    expect(added.some((file) => /^chunks\/run-verify-dry-run-[A-Z0-9]+\.cjs$/.test(file))).toBe(true)

    // The bundled guide's chapter 7 runs chapters 1-6 first: both builds say so, each its way.
    const running = node([path.join(cli, 'bin-of-the-running-process.js'), 'chapter-7', '--dry-run'], repoRoot)
    expect(running.stderr).toBe('')
    expect(running.stdout).toContain(oldText)
    const rebuilt = node([path.join(cli, 'bin.js'), 'chapter-7', '--dry-run'], repoRoot)
    expect(rebuilt.stderr).toBe('')
    expect(rebuilt.stdout).toContain('runs first (rebuilt): ')

    // What a pack of the checkout ships: the current build only.
    const current = JSON.parse(await readFile(path.join(cli, '.build-files'), 'utf8')) as string[]
    expect(current).toEqual(expect.arrayContaining(['bin.js', ...added]))
    const superseded = [...second.keys()].filter((file) => file.startsWith('chunks/') && !current.includes(file))
    expect(superseded.every((file) => first.has(file))).toBe(true)
    expect(superseded.length).toBeGreaterThan(0)
    expect(await readFile(path.join(cli, '.npmignore'), 'utf8')).toBe(['/.build-files', ...superseded.sort().map((file) => `/${file}`)].map((line) => `${line}\n`).join(''))
  })
})

describe('replaceBuildOutput', () => {
  const hour = 60 * 60 * 1000

  it('removes a superseded file only a day after the build that superseded it, and never the current ones', async () => {
    const outdir = path.join(work, 'prune')
    const file = (name: string, text: string) => ({path: path.join(outdir, name), contents: Buffer.from(text)})
    const start = Date.now()
    replaceBuildOutput(outdir, [file('bin.js', 'a'), file('chunks/a.js', 'a'), file('chunks/shared.js', 's')], {now: start})
    // Written long ago: its age must not count, only the time since it was superseded.
    utimesSync(path.join(outdir, 'chunks/a.js'), (start - 30 * hour) / 1000, (start - 30 * hour) / 1000)

    const second = replaceBuildOutput(outdir, [file('bin.js', 'b'), file('chunks/b.js', 'b'), file('chunks/shared.js', 's')], {now: start + hour})
    expect(second).toEqual({written: ['bin.js', 'chunks/b.js'], stale: ['chunks/a.js'], removed: []})

    const third = replaceBuildOutput(outdir, [file('bin.js', 'c'), file('chunks/c.js', 'c'), file('chunks/shared.js', 's')], {now: start + hour + staleFilesKeptMs - 1})
    expect(third.removed).toEqual([])
    expect(third.stale.sort()).toEqual(['chunks/a.js', 'chunks/b.js'])

    const fourth = replaceBuildOutput(outdir, [file('bin.js', 'c'), file('chunks/c.js', 'c'), file('chunks/shared.js', 's')], {now: start + 2 * hour + staleFilesKeptMs})
    expect(fourth).toEqual({written: [], stale: ['chunks/b.js'], removed: ['chunks/a.js']})
    expect(existsSync(path.join(outdir, 'chunks/shared.js'))).toBe(true)
    expect(statSync(path.join(outdir, 'bin.js')).mode & 0o777).toBe(0o644)
    expect(await readFile(path.join(outdir, '.npmignore'), 'utf8')).toBe('/.build-files\n/chunks/b.js\n')
  })

  it('writes an executable entry with its mode and leaves files outside the build\'s folders alone', async () => {
    const outdir = path.join(work, 'entry')
    await mkdir(path.join(outdir, 'lib'), {recursive: true})
    await writeFile(path.join(outdir, 'lib', 'main.js'), 'tsc output')
    utimesSync(path.join(outdir, 'lib', 'main.js'), 0, 0)
    replaceBuildOutput(outdir, [{path: path.join(outdir, 'bin.js'), contents: Buffer.from('#!/usr/bin/env node\n'), executable: true}], {now: Date.now() + 10 * staleFilesKeptMs})
    expect(statSync(path.join(outdir, 'bin.js')).mode & 0o777).toBe(0o755)
    expect(existsSync(path.join(outdir, 'lib', 'main.js'))).toBe(true)
  })
})
