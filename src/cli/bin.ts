#!/usr/bin/env node
import module from 'node:module'

// V8 keeps the compiled code of the CLI on disk (Node >= 22.1), so a cold
// start parses its ~700 KB once, not every run. NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
module.enableCompileCache?.()
const {main} = await import('./lib/main.js')

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
})
