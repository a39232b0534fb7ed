import {spawnSync} from 'node:child_process'

/**
 * The runner tests use real bash, git and python3. Locally a missing tool
 * skips them; under CI=true it fails loudly, naming what to install.
 * Returns true when the tests can run.
 */
export function requireTools(names: readonly string[]): boolean {
  const missing = names.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0)
  if (missing.length === 0) return true
  const message = `runner tests need ${missing.join(', ')} on PATH: install ${missing.length > 1 ? 'them' : 'it'}`
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`skipped: ${message}`)
  return false
}
