// The package as a guide's maintainer installs it (issue 10):
//   - install size: `npm pack` of this checkout, `npm install` of the tarball
//     in an empty folder, bytes under node_modules (floor: < 20 MB), beside
//     the tarball's own size;
//   - cold start of the installed CLI: `--version` (floor: within 2x `node -e
//     0`) and a chapter's `--dry-run` (floor: < 150 ms), each beside `node -e
//     0` measured in the same run, interleaved so machine load hits all
//     alike. Each is a new process; what differs is the code caches (Node's
//     compile cache, module.enableCompileCache in bin.js, and the commands'
//     code cache in the same folder, src/cli/lib/code-cached-script.ts):
//     the floor rows measure the steady state (the caches written by an
//     earlier run, as every run after the first finds them); "first run"
//     gives each run an empty cache directory (what the first run after an
//     install pays, writing the caches included); "cache off" sets
//     NODE_DISABLE_COMPILE_CACHE=1, which turns both off.
//   - the JavaScript a dry-run loads, beside the whole CLI bundle's size;
//   - CPU time of the same runs (user + system, all threads, from the
//     children's times in /proc/self/stat; Linux only): a busy machine's
//     scheduler stretches wall time, not CPU time, so these ratios carry
//     between machines and loads better than the wall-time ones.
import {spawnSync} from 'node:child_process'
import module from 'node:module'
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

function bytesUnder(dir) {
  let total = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += bytesUnder(full)
    else if (entry.isFile()) total += statSync(full).size
  }
  return total
}

function npm(args, cwd) {
  const result = spawnSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_audit: 'false', npm_config_fund: 'false'}})
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`)
  return result.stdout
}

/** CPU time (user + system) of this process's waited-for children so far,
 * in ms; undefined where /proc is not there. */
function childrenCpuMs() {
  let stat
  try {
    stat = readFileSync('/proc/self/stat', 'utf8')
  } catch {
    return undefined
  }
  // Fields after the command name (which may hold spaces): cutime and
  // cstime are the 16th and 17th of the whole line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks()
}

let ticks
function clockTicks() {
  ticks ??= Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout) || 100
  return ticks
}

/** Files and bytes of JavaScript a CLI run loads: ES modules through
 * module.registerHooks (Node >= 22.15; undefined before), the commands'
 * script through node:vm (src/cli/lib/code-cached-script.ts). What the
 * bundle's lazy loading keeps a command from loading shows here before it
 * shows in milliseconds. */
function javaScriptLoaded(work, args) {
  if (typeof module.registerHooks !== 'function') return undefined
  const hook = path.join(work, 'count-loaded.mjs')
  writeFileSync(
    hook,
    `import {registerHooks} from 'node:module'
import {statSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
let files = 0
let bytes = 0
const Script = vm.Script
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options)
    files++
    bytes += statSync(options.filename).size
  }
}
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) {
      files++
      bytes += statSync(fileURLToPath(url)).size
    }
    return nextLoad(url, context)
  }
})
process.on('exit', () => process.stderr.write(\`\\nloaded \${files} \${bytes}\\n\`))
`
  )
  const result = spawnSync(process.execPath, ['--import', hook, ...args], {cwd: root, encoding: 'utf8'})
  const counted = /\nloaded (\d+) (\d+)\n/.exec(result.stderr)
  if (result.status !== 0 || !counted) throw new Error(`${args.join(' ')} under the load counter exited ${result.status}: ${result.stderr}`)
  return {files: Number(counted[1]), bytes: Number(counted[2])}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export async function runPackageBench() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'docs-verify-bench-package-'))
  try {
    // `npm run bench` built dist/ already.
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root))
    const tarball = path.join(work, packed[0].filename)
    const project = path.join(work, 'guide')
    spawnSync('mkdir', [project])
    writeFileSync(path.join(project, 'package.json'), '{"private": true}\n')
    npm(['install', '--prefer-offline', tarball], project)
    const installed = bytesUnder(path.join(project, 'node_modules')) / 1e6
    const packageCount = readdirSync(path.join(project, 'node_modules')).length

    const bin = path.join(project, 'node_modules/docs-verify/dist/cli/bin.js')
    const dryRun = [bin, 'chapter-7', '--dry-run']
    const cases = {
      baseline: [['-e', '0'], () => ({})],
      version: [[bin, '--version'], () => ({})],
      dryRun: [dryRun, () => ({})],
      dryRunFirst: [dryRun, (round) => ({NODE_COMPILE_CACHE: path.join(work, `first-run-cache-${round}`)})],
      dryRunNoCache: [dryRun, () => ({NODE_DISABLE_COMPILE_CACHE: '1'})]
    }
    const rounds = 15
    const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]))
    const cpu = Object.fromEntries(Object.keys(cases).map((name) => [name, 0]))
    spawnSync(process.execPath, dryRun, {cwd: root}) // fills the code caches
    for (let round = 0; round < rounds; round++) {
      for (const [name, [args, env]] of Object.entries(cases)) {
        const cpuBefore = childrenCpuMs()
        const start = process.hrtime.bigint()
        const result = spawnSync(process.execPath, args, {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env(round)}})
        times[name].push(Number(process.hrtime.bigint() - start) / 1e6)
        if (cpuBefore !== undefined) cpu[name] += childrenCpuMs() - cpuBefore
        if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`)
      }
    }
    const wall = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]))
    const rows = [
      {name: `package: installed size (npm install of the tarball, ${packageCount} entries in node_modules)`, value: installed, unit: 'MB', baseline: statSync(tarball).size / 1e6, baseline_unit: 'MB (tarball)', floor: {max: 20}},
      {name: `package: cold \`docs-verify --version\` (median of ${rounds})`, value: wall.version, unit: 'ms', baseline: wall.baseline, ratio: wall.version / wall.baseline, floor: {ratioMax: 2}},
      {name: `package: cold \`docs-verify chapter-7 --dry-run\`, code caches written by an earlier run (median of ${rounds})`, value: wall.dryRun, unit: 'ms', baseline: wall.baseline, ratio: wall.dryRun / wall.baseline, floor: {max: 150}},
      {name: `package: same, first run (empty cache folder, caches written at exit, median of ${rounds})`, value: wall.dryRunFirst, unit: 'ms', baseline: wall.baseline, ratio: wall.dryRunFirst / wall.baseline},
      {name: `package: same, code caches off (median of ${rounds})`, value: wall.dryRunNoCache, unit: 'ms', baseline: wall.baseline, ratio: wall.dryRunNoCache / wall.baseline}
    ]
    const loaded = javaScriptLoaded(work, dryRun)
    if (loaded !== undefined) {
      const cliDir = path.join(project, 'node_modules/docs-verify/dist/cli')
      const bundle = statSync(path.join(cliDir, 'bin.js')).size + bytesUnder(path.join(cliDir, 'chunks'))
      rows.push({name: `package: JavaScript a \`chapter-7 --dry-run\` loads (${loaded.files} files)`, value: loaded.bytes / 1e3, unit: 'KB', baseline: bundle / 1e3, baseline_unit: 'KB (the whole CLI bundle)'})
    }
    if (childrenCpuMs() !== undefined) {
      const mean = (name) => cpu[name] / rounds
      const labels = {version: '`--version`', dryRun: '`chapter-7 --dry-run`, caches written', dryRunFirst: '`chapter-7 --dry-run`, first run', dryRunNoCache: '`chapter-7 --dry-run`, caches off'}
      for (const [name, label] of Object.entries(labels)) {
        rows.push({name: `package: CPU time of ${label} (mean of ${rounds})`, value: mean(name), unit: 'ms', baseline: mean('baseline'), ratio: mean(name) / mean('baseline')})
      }
    }
    return rows
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}
