import {existsSync} from 'node:fs'
import path from 'node:path'
import {cacheRoot, inCi, requireTool} from './require-tool.js'
import {run} from './run-process.js'

/** Cached venv with the chapter's DVC, reused across runs. */
export const dvcVenv = path.join(cacheRoot, 'test-venvs', 'dvc-3.47.0')

/**
 * Path of `dvc` in the cached venv, creating it once with pip (minutes).
 * Undefined when Python is missing outside CI.
 */
export async function ensureDvc(): Promise<string | undefined> {
  const dvc = path.join(dvcVenv, 'bin', 'dvc')
  if (existsSync(dvc)) return dvc
  const python = requireTool('python3', 'install Python 3.11 with venv and pip')
  if (!python) return undefined
  const venv = await run(python, ['-m', 'venv', dvcVenv])
  if (venv.code !== 0) throw new Error(`python3 -m venv ${dvcVenv} failed: ${venv.stderr}`)
  // pathspec 1.0 removed a private name dvc 3.47 imports (`_DIR_MARK`).
  const pip = await run(path.join(dvcVenv, 'bin', 'pip'), ['install', '-q', 'dvc[gs]==3.47.0', 'pathspec<1'], {
    env: {...process.env, PIP_CACHE_DIR: path.join(cacheRoot, 'pip')},
    timeoutMs: 15 * 60_000
  })
  if (pip.code !== 0 || !existsSync(dvc)) {
    const message = `pip install "dvc[gs]==3.47.0" into ${dvcVenv} failed: ${pip.stderr.slice(-1000)}`
    if (inCi) throw new Error(message)
    return undefined
  }
  return dvc
}
