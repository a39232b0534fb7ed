/**
 * Real git repositories in temporary directories, for comparing against
 * what git actually prints. Not a test file: imported by the tests.
 */

import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export const hasGit = spawnSync('git', ['--version']).status === 0

/** Skip locally without git; under CI=true, fail loudly instead. */
export const skipWithoutGit = !hasGit && process.env.CI !== 'true'

export function requireGit(): void {
  if (!hasGit) {
    throw new Error('git is not on PATH: test/compare needs real git output (install git, e.g. apt-get install git)')
  }
}

export interface Repo {
  dir: string
  git(...args: string[]): string
  write(file: string, content: string): void
  remove(): void
}

/** A fresh repository on branch `main`, with an identity and an English,
 * colourless, pager-less git whatever the machine's configuration. */
export function createRepo(): Repo {
  const dir = mkdtempSync(path.join(tmpdir(), 'docs-verify-compare-'))
  const env = {
    ...process.env,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LC_ALL: 'C',
    LANG: 'C',
    GIT_AUTHOR_NAME: 'Learner',
    GIT_AUTHOR_EMAIL: 'learner@example.com',
    GIT_COMMITTER_NAME: 'Learner',
    GIT_COMMITTER_EMAIL: 'learner@example.com'
  }
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'color.ui=never', '-c', 'core.pager=cat', ...args], {cwd: dir, env, encoding: 'utf8'})
  git('init', '--quiet', '--initial-branch=main')
  return {
    dir,
    git,
    write(file, content) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
      writeFileSync(path.join(dir, file), content)
    },
    remove() {
      rmSync(dir, {recursive: true, force: true})
    }
  }
}
