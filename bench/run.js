#!/usr/bin/env node
// npm run bench: every benchmark of the project, each printed beside a
// baseline measured in the same run (so the ratio, not the absolute number,
// is what carries between machines). Floors from the issues are checked and
// reported; a missed floor makes the exit code 1.
//
//   npm run bench                 all of them
//   npm run bench -- extract cli  only those
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import path from 'node:path'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Wall time of a process, best of `runs` (cold: a new process each time). */
function wallMs(command, args, runs, options = {}) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    const result = spawnSync(command, args, {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options})
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (result.status !== 0 && !options.allowFail) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
    }
    times.push(ms)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

/**
 * The CLI from this checkout's dist/ (the package bench measures the
 * installed one): `node -e 0` and the commands interleaved, round by round,
 * so machine load hits all alike. Node's compile cache is warm (the first
 * round is not counted), as for every run after the first.
 */
async function cliBench() {
  const bin = path.join(root, 'dist/cli/bin.js')
  const commands = {baseline: ['-e', '0'], dryRun: [bin, 'chapter-7', '--dry-run'], list: [bin, 'list']}
  const times = {baseline: [], dryRun: [], list: []}
  for (let round = 0; round < 8; round++) {
    for (const [name, args] of Object.entries(commands)) {
      const ms = wallMs(process.execPath, args, 1)
      if (round > 0) times[name].push(ms)
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const baseline = median(times.baseline)
  const dryRun = median(times.dryRun)
  const list = median(times.list)
  return [
    {name: `cli: cold \`docs-verify chapter-7 --dry-run\` (median of ${times.dryRun.length})`, value: dryRun, unit: 'ms', baseline, ratio: dryRun / baseline, floor: {max: 400}},
    {name: `cli: cold \`docs-verify list\` (median of ${times.list.length})`, value: list, unit: 'ms', baseline, ratio: list / baseline}
  ]
}

const suites = {
  extract: async () => (await import('./extract.js')).runExtractBench(),
  cli: cliBench,
  runner: async () => (await import('./runner.js')).runRunnerBench(),
  cloud: async () => (await import('./cloud.js')).runCloudBench(),
  cache: async () => (await import('./cache.js')).runCacheBench(),
  guide: async () => (await import('./guide.js')).runGuideBench(),
  jobs: async () => (await import('./guide.js')).runJobsBench(),
  chapter7: async () => (await import('./guide.js')).runChapter7Bench(),
  package: async () => (await import('./package.js')).runPackageBench()
}

const wanted = process.argv.slice(2)
const names = wanted.length > 0 ? wanted : Object.keys(suites)
let missed = 0
for (const name of names) {
  const suite = suites[name]
  if (!suite) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(suites).join(', ')}`)
    process.exit(2)
  }
  console.log(`\n# ${name}`)
  let rows
  try {
    rows = await suite()
  } catch (error) {
    console.log(`  could not run: ${error.message}`)
    missed++
    continue
  }
  for (const row of rows) {
    const value = `${row.value.toFixed(row.value < 10 ? 2 : 1)} ${row.unit}`
    const baseline = row.baseline === undefined ? '' : `  baseline ${row.baseline.toFixed(row.baseline < 10 ? 2 : 1)} ${row.baseline_unit ?? row.unit}`
    const ratio = row.ratio === undefined ? '' : `  ratio ${row.ratio.toFixed(2)}x`
    let floor = ''
    if (row.floor) {
      const ok =
        (row.floor.max === undefined || row.value <= row.floor.max) &&
        (row.floor.min === undefined || row.value >= row.floor.min) &&
        (row.floor.ratioMax === undefined || row.ratio <= row.floor.ratioMax)
      const limit = row.floor.ratioMax !== undefined ? `ratio <= ${row.floor.ratioMax}` : row.floor.max !== undefined ? `<= ${row.floor.max}` : `>= ${row.floor.min}`
      floor = `  floor ${limit}: ${ok ? 'met' : 'MISSED'}`
      if (!ok) missed++
    }
    console.log(`  ${row.name}: ${value}${baseline}${ratio}${floor}`)
  }
}
process.exitCode = missed > 0 ? 1 : 0
