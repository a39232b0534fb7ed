/** Where a command reads and writes: the process's streams, directory and
 * environment in the real CLI, captured streams and a scratch folder in
 * tests. Its own module so main.ts and the commands, which main.ts loads,
 * do not import each other. */
export interface Io {
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
  cwd: string
  env: NodeJS.ProcessEnv
}
