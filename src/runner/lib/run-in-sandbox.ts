import {runProcess} from '../../process/index.js'
import type {CommandOutcome} from '../../process/index.js'
import type {Sandbox} from './sandbox.js'
import {bwrapStarted, sandboxStartError} from './sandbox-error.js'

/** Into the directory from inside the sandbox: one the steps removed is the
 * command's failure, where bwrap's own --chdir would fail to start. */
const inDirectory = 'cd -- "$1" && shift && exec "$@"'

/**
 * Run a short command inside the sandbox to its end, in `cwd` (default the
 * work directory), and collect its output (a check of what the steps left,
 * such as `git rev-parse`): never throws for the command's own failure; a
 * sandbox that did not start it is a SandboxError. It runs offline: no
 * network bridges. `label` names it in that error.
 */
export async function runInSandbox(sandbox: Sandbox, argv: readonly string[], options: {cwd?: string; timeoutMs?: number; input?: string; label?: string} = {}): Promise<CommandOutcome> {
  const bwrap = sandbox.mode === 'bwrap'
  const inner = ['/bin/sh', '-c', inDirectory, 'docs-verify', options.cwd ?? sandbox.paths.work, ...argv]
  const plan = sandbox.command(inner, {cwd: sandbox.root, offline: true, ...(bwrap ? {statusFd: 3} : {})})
  const outcome = await runProcess(plan, {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.input === undefined ? {} : {input: options.input}),
    ...(bwrap ? {collectFd3: true} : {})
  })
  if (bwrap && !outcome.timedOut && !bwrapStarted(outcome.fd3 ?? '')) {
    throw sandboxStartError(options.label ?? `\`${argv.join(' ')}\``, outcome.failure ? `${outcome.stderr}\n${outcome.failure}` : outcome.stderr, sandbox.root)
  }
  return outcome
}
