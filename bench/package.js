// The package as a guide's maintainer installs it (issue 10):
//   - install size: `npm pack` of this checkout, `npm install` of the tarball
//     in an empty folder, bytes under node_modules (floor: < 20 MB), beside
//     the tarball's own size;
//   - cold start of the installed CLI: `--version` (floor: within 2x `node -e
//     0`) and a chapter's `--dry-run` (floor: < 150 ms), each beside `node -e
//     0` measured in the same run, interleaved so machine load hits all
//     three alike. The compile cache is warm (the second run of any install
//     finds it); a row without it is shown for comparison.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
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
    const cases = {
      baseline: [['-e', '0'], {}],
      version: [[bin, '--version'], {}],
      dryRun: [[bin, 'chapter-7', '--dry-run'], {}],
      dryRunNoCache: [[bin, 'chapter-7', '--dry-run'], {NODE_DISABLE_COMPILE_CACHE: '1'}]
    }
    const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]))
    spawnSync(process.execPath, [bin, 'chapter-7', '--dry-run'], {cwd: root}) // fills the compile cache
    for (let round = 0; round < 15; round++) {
      for (const [name, [args, env]] of Object.entries(cases)) {
        const start = process.hrtime.bigint()
        const result = spawnSync(process.execPath, args, {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}})
        times[name].push(Number(process.hrtime.bigint() - start) / 1e6)
        if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`)
      }
    }
    const baseline = median(times.baseline)
    const version = median(times.version)
    const dryRun = median(times.dryRun)
    const dryRunNoCache = median(times.dryRunNoCache)
    return [
      {name: `package: installed size (npm install of the tarball, ${packageCount} entries in node_modules)`, value: installed, unit: 'MB', baseline: statSync(tarball).size / 1e6, baseline_unit: 'MB (tarball)', floor: {max: 20}},
      {name: 'package: cold `docs-verify --version` (median of 15)', value: version, unit: 'ms', baseline, ratio: version / baseline, floor: {ratioMax: 2}},
      {name: 'package: cold `docs-verify chapter-7 --dry-run` (median of 15)', value: dryRun, unit: 'ms', baseline, ratio: dryRun / baseline, floor: {max: 150}},
      {name: 'package: same, compile cache off (median of 15)', value: dryRunNoCache, unit: 'ms', baseline, ratio: dryRunNoCache / baseline}
    ]
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}
