#!/usr/bin/env node
import module from 'node:module'
import {ignoreClosedReader} from './lib/closed-reader.js'
import {unsupportedNode} from './lib/supported-node.js'

const tooOld = unsupportedNode(process.versions.node)
if (tooOld !== undefined) {
  process.stderr.write(`docs-verify: ${tooOld}\n`)
  process.exit(2)
}

// V8 keeps the compiled code of the CLI's ES modules on disk, so a cold
// start parses them once, not every run (module.enableCompileCache is Node
// >= 22.8; older Node 22 starts without it). The commands' script keeps its
// own code cache in the same folder (src/cli/lib/code-cached-script.ts).
// NODE_DISABLE_COMPILE_CACHE=1 turns both off.
module.enableCompileCache?.()
const {main} = await import('./lib/main.js')

ignoreClosedReader(process.stdout)
ignoreClosedReader(process.stderr)

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
})
