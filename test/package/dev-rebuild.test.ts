/**
 * `./dev` builds dist/ only when what the build reads changed since the last
 * build (a stamp of the contents), so calling it in a checkout a long run is
 * going from does not rebuild under it for nothing. The real `dev` script
 * and bash, in a copy of a checkout's layout; `npm` is a stand-in that
 * records the builds (mocked: the real build is the bundle test's subject).
 * Each test has a checkout of its own: they pass in any order.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, readFileSync, utimesSync} from 'node:fs'
import {copyFile, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {repoRoot} from '../cli/run-cli.js'

let checkout: string
let builds: string

beforeEach(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'docs-verify-dev-'))
  checkout = path.join(work, 'checkout')
  builds = path.join(work, 'builds.log')
  for (const dir of ['src/cli', 'scripts', 'node_modules/.bin', 'fake-bin']) await mkdir(path.join(checkout, dir), {recursive: true})
  for (const file of ['dev', 'scripts/build-inputs.sh', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) await copyFile(path.join(repoRoot, file), path.join(checkout, file))
  // Installed already: dev runs `npm ci` only when the lockfile changed.
  await copyFile(path.join(repoRoot, 'package-lock.json'), path.join(checkout, 'node_modules/.package-lock.stamp'))
  await writeFile(path.join(checkout, 'src/cli/bin.ts'), 'export {}\n')
  await writeFile(path.join(checkout, 'src/cli/help.ts'), 'export const help = 1\n')
  await writeFile(path.join(checkout, 'scripts/bundle-cli.js'), '// bundles\n')
  const npm = path.join(checkout, 'fake-bin/npm')
  await writeFile(npm, `#!/usr/bin/env bash\necho "$*" >> '${builds}'\n[ "$*" != "run --silent build" ] && exit 3\n[ -f fail-build ] && exit 1\nmkdir -p dist\n`)
  chmodSync(npm, 0o755)
})

afterEach(async () => {
  await rm(path.dirname(checkout), {recursive: true, force: true})
})

/** `./dev true`; the number of builds so far. */
function dev(): {status: number | null; builds: number} {
  const env = {...process.env, PATH: [path.join(checkout, 'fake-bin'), path.dirname(process.execPath), process.env.PATH].join(path.delimiter)}
  const result = spawnSync(path.join(checkout, 'dev'), ['true'], {cwd: checkout, env, encoding: 'utf8'})
  let log = ''
  try {
    log = readFileSync(builds, 'utf8')
  } catch {
    // No build yet.
  }
  const lines = log.split('\n').filter(Boolean)
  expect(lines.filter((line) => line !== 'run --silent build')).toEqual([])
  return {status: result.status, builds: lines.length}
}

describe('./dev, with a stand-in npm that counts the builds', () => {
  it('builds once, then only when a file the build reads changed in content', async () => {
    expect(dev()).toEqual({status: 0, builds: 1})
    expect(dev()).toEqual({status: 0, builds: 1})

    // A checkout or rebase rewrites files unchanged: newer, same bytes.
    const later = Date.now() / 1000 + 60
    utimesSync(path.join(checkout, 'src/cli/help.ts'), later, later)
    expect(dev()).toEqual({status: 0, builds: 1})

    await writeFile(path.join(checkout, 'src/cli/help.ts'), 'export const help = 2\n')
    expect(dev()).toEqual({status: 0, builds: 2})
    expect(dev()).toEqual({status: 0, builds: 2})

    // Not under src/, older than the stamp: the bundle script itself.
    await writeFile(path.join(checkout, 'scripts/bundle-cli.js'), '// bundles differently\n')
    utimesSync(path.join(checkout, 'scripts/bundle-cli.js'), 0, 0)
    expect(dev()).toEqual({status: 0, builds: 3})

    await rm(path.join(checkout, 'src/cli/help.ts'))
    expect(dev()).toEqual({status: 0, builds: 4})
  })

  it('tries the build again on the next call after a build that failed', async () => {
    const before = dev().builds
    await writeFile(path.join(checkout, 'src/cli/bin.ts'), 'export const broken = true\n')
    await writeFile(path.join(checkout, 'fail-build'), '')
    expect(dev()).toEqual({status: 1, builds: before + 1})
    expect(dev()).toEqual({status: 1, builds: before + 2})
    await rm(path.join(checkout, 'fail-build'))
    expect(dev()).toEqual({status: 0, builds: before + 3})
    expect(dev()).toEqual({status: 0, builds: before + 3})
  })
})
