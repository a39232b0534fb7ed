import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {trackKept, trackRoot, untrackRoot} from './cleanup-on-exit.js'
import {buildSandboxEnv} from './sandbox-env.js'
import type {SandboxPaths} from './sandbox-env.js'

export interface SandboxOptions {
  /** Keep the workspace after dispose() (and on Ctrl-C) to inspect it. */
  keep?: boolean
  /** Extra variables for every step: the cloud stand-ins' endpoints, ... */
  env?: Record<string, string>
  /** The environment the allowlist reads from (default process.env). Tests
   * pass a planted one here instead of touching the real environment. */
  parentEnv?: Readonly<Record<string, string | undefined>>
  /** More variable names to copy from parentEnv. */
  passEnv?: readonly string[]
  /** Where pip caches downloads (default: the user's shared cache). */
  pipCacheDir?: string
  /** Parent directory of the workspace (default os.tmpdir()). */
  tmpDir?: string
  /** Git identity of the learner. */
  gitUser?: {name: string; email: string}
}

export interface Sandbox {
  root: string
  paths: SandboxPaths
  /** The environment every step starts from. */
  env: Record<string, string>
  keep: boolean
  /** Remove the workspace (unless kept). Safe to call twice. */
  dispose(): Promise<{removed: boolean; path: string}>
}

/** Git's own defaults except identity and branch name: advice hints stay,
 * because the docs show them. */
function gitConfigText(user: {name: string; email: string}): string {
  return [
    '[user]',
    `\tname = ${user.name}`,
    `\temail = ${user.email}`,
    '[init]',
    '\tdefaultBranch = main',
    ''
  ].join('\n')
}

/**
 * Make a fresh workspace for one run: a home, the learner's working
 * directory, XDG directories, a gcloud configuration directory and a git
 * identity, plus the allowlisted environment that points at them.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const parentEnv = options.parentEnv ?? process.env
  const root = await fs.realpath(
    await fs.mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'docs-verify-'))
  )
  const keep = options.keep ?? false
  // Registered before anything else can fail, so a crash still cleans up.
  if (keep) trackKept(root, true)
  else trackRoot(root)
  const home = path.join(root, 'home')
  const paths: SandboxPaths = {
    root,
    home,
    work: path.join(root, 'work'),
    tmp: path.join(root, 'tmp'),
    gcloud: path.join(root, 'gcloud'),
    xdgConfig: path.join(home, '.config'),
    xdgCache: path.join(home, '.cache'),
    xdgData: path.join(home, '.local', 'share'),
    xdgState: path.join(home, '.local', 'state'),
    gitConfig: path.join(home, '.gitconfig'),
    run: path.join(root, 'run'),
    stateFile: path.join(root, 'run', 'shell-state.sh')
  }
  try {
    for (const dir of [paths.work, paths.tmp, paths.gcloud, paths.xdgConfig, paths.xdgCache, paths.xdgData, paths.xdgState, paths.run]) {
      await fs.mkdir(dir, {recursive: true})
    }
    await fs.writeFile(
      paths.gitConfig,
      gitConfigText(options.gitUser ?? {name: 'docs-verify', email: 'docs-verify@example.com'})
    )
  } catch (error) {
    await fs.rm(root, {recursive: true, force: true})
    untrackRoot(root)
    throw error
  }
  const envOptions: Parameters<typeof buildSandboxEnv>[2] = {}
  if (options.env) envOptions.extraEnv = options.env
  if (options.passEnv) envOptions.passEnv = options.passEnv
  if (options.pipCacheDir) envOptions.pipCacheDir = options.pipCacheDir
  const env = buildSandboxEnv(paths, parentEnv, envOptions)
  let disposed = false
  return {
    root,
    paths,
    env,
    keep,
    async dispose() {
      if (keep) trackKept(root, false)
      if (keep || disposed) return {removed: !keep && disposed, path: root}
      disposed = true
      await fs.rm(root, {recursive: true, force: true, maxRetries: 3})
      untrackRoot(root)
      return {removed: true, path: root}
    }
  }
}
