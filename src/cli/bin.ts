#!/usr/bin/env node
import module from 'node:module'
import {unsupportedNode} from './lib/supported-node.js'

const tooOld = unsupportedNode(process.versions.node)
if (tooOld !== undefined) {
  process.stderr.write(`docs-verify: ${tooOld}\n`)
  process.exit(2)
}

// V8 keeps the compiled code of the CLI on disk, so a cold start parses its
// modules once, not every run (module.enableCompileCache is Node >= 22.8;
// older Node 22 starts without it). It holds what V8 compiles before a
// module runs, not the functions a command then calls: a few percent of a
// dry-run's CPU (bench/package.js). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.()
const {main} = await import('./lib/main.js')

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
})
