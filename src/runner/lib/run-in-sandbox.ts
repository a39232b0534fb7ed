import {runProcess} from '../../process/index.js'
import type {CommandOutcome} from '../../process/index.js'
import type {Sandbox} from './sandbox.js'

/**
 * Run a short command inside the sandbox to its end and collect its
 * output (a check of what the steps left, such as `git rev-parse`): never
 * throws for a non-zero exit. It runs offline: no network bridges.
 */
export function runInSandbox(sandbox: Sandbox, argv: readonly string[], options: {cwd?: string; timeoutMs?: number; input?: string} = {}): Promise<CommandOutcome> {
  const plan = sandbox.command(argv, {...(options.cwd === undefined ? {} : {cwd: options.cwd}), offline: true})
  return runProcess(plan, {timeoutMs: options.timeoutMs ?? 60_000, ...(options.input === undefined ? {} : {input: options.input})})
}
