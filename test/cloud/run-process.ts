import {execFile} from 'node:child_process'

/** Outcome of one real process. */
export interface Ran {
  code: number
  stdout: string
  stderr: string
}

/**
 * Run a process asynchronously: the stand-in servers live in this same Node
 * process, so a synchronous spawn would deadlock them.
 */
export function run(file: string, args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number} = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, killSignal: 'SIGKILL'},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({code, stdout, stderr})
      }
    )
  })
}
