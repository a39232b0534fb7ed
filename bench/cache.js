#!/usr/bin/env node
// Snapshot cache: save + restore of a realistic sandbox (workspace, a venv
// with its symlinks and many small files, a data file, a git repo and its
// bare remote) against a plain `cp -a` of the same tree, in the same run;
// and the store's size after a chain of chapters that share that venv.
// Build first: npx tsc -p tsconfig.build.json
//
//   node bench/cache.js           standalone
//   npm run bench -- cache        through bench/run.js
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const runs = 3

/** Deterministic bytes (xorshift), so every run archives the same tree. */
function bytes(size, seed) {
  const out = Buffer.alloc(size)
  let x = seed | 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** Python-looking text: compresses like real site-packages do. */
function source(lines, seed) {
  const out = []
  for (let i = 0; i < lines; i++) out.push(`def function_${seed}_${i}(value):\n    return value * ${i} + ${seed}  # line ${i}\n`)
  return out.join('')
}

/** About 20 MB: ~3,300 small files, a 10 MB data file, venv symlinks, git. */
function makeSandbox(root) {
  const work = path.join(root, 'workspace')
  const venv = path.join(work, '.venv')
  fs.mkdirSync(path.join(venv, 'bin'), {recursive: true})
  fs.symlinkSync(process.execPath, path.join(venv, 'bin', 'python3'))
  fs.symlinkSync('python3', path.join(venv, 'bin', 'python'))
  fs.symlinkSync('lib', path.join(venv, 'lib64'))
  for (let pkg = 0; pkg < 80; pkg++) {
    const dir = path.join(venv, 'lib', 'python3.11', 'site-packages', `package_${pkg}`)
    fs.mkdirSync(path.join(dir, '__pycache__'), {recursive: true})
    for (let mod = 0; mod < 20; mod++) {
      fs.writeFileSync(path.join(dir, `module_${mod}.py`), source(40, pkg * 100 + mod))
      fs.writeFileSync(path.join(dir, '__pycache__', `module_${mod}.cpython-311.pyc`), bytes(3000, pkg * 100 + mod + 7))
    }
    fs.writeFileSync(path.join(venv, 'bin', `tool_${pkg}`), '#!/bin/sh\nexec python -m tool\n', {mode: 0o755})
  }
  fs.mkdirSync(path.join(work, 'data', 'prepared'), {recursive: true})
  fs.writeFileSync(path.join(work, 'data', 'data.xml'), bytes(10 * 1024 * 1024, 42))
  fs.mkdirSync(path.join(work, 'src'), {recursive: true})
  for (let i = 0; i < 8; i++) fs.writeFileSync(path.join(work, 'src', `step_${i}.py`), source(60, i))
  fs.writeFileSync(path.join(root, 'shell-state.sh'), "export PROJECT='mlops-project'\ncd workspace\n")
  const env = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b'}
  fs.writeFileSync(path.join(work, '.gitignore'), '.venv/\ndata/data.xml\n')
  execFileSync('git', ['init', '-q', '-b', 'main'], {cwd: work, env})
  execFileSync('git', ['add', '-A'], {cwd: work, env})
  execFileSync('git', ['commit', '-q', '-m', 'bench'], {cwd: work, env})
  execFileSync('git', ['clone', '-q', '--bare', work, path.join(root, 'remote.git')], {env})
}

/** Bytes and count of regular files, not following symlinks (the venv's
 * lib64 -> lib would count site-packages twice). */
function treeBytes(dir) {
  let total = 0
  let files = 0
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = treeBytes(file)
      total += inner.total
      files += inner.files
    } else if (entry.isFile()) {
      total += fs.lstatSync(file).size
      files++
    }
  }
  return {total, files}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function timed(action) {
  const start = process.hrtime.bigint()
  await action()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Chapters in the chain row: the seed guide has seven. */
const chapters = 7

/** Rows for bench/run.js: {name, value, unit, baseline?, ratio?}. */
export async function runCacheBench() {
  const {openSnapshotStore} = await import('../dist/cache/index.js')
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-bench-cache-'))
  try {
    const sandbox = path.join(tmp, 'sandbox')
    makeSandbox(sandbox)
    const {total, files} = treeBytes(sandbox)
    const copy = []
    const save = []
    const saveAgain = []
    const restore = []
    for (let run = 0; run < runs; run++) {
      // Baseline: what a runner without snapshots could do at best to keep
      // a chapter's end state (a full copy).
      copy.push(
        await timed(() => {
          const result = spawnSync('cp', ['-a', sandbox, path.join(tmp, `copy-${run}`)])
          if (result.status !== 0) throw new Error(`cp -a failed: ${result.stderr}`)
        })
      )
      // A fresh store each run: the first save stores every file.
      const store = openSnapshotStore({dir: path.join(tmp, `store-${run}`)})
      save.push(await timed(() => store.save('bench', sandbox)))
      saveAgain.push(await timed(() => store.save('bench-again', sandbox)))
      restore.push(
        await timed(async () => {
          if (!(await store.restore('bench', path.join(tmp, `restored-${run}`)))) throw new Error('restore missed')
        })
      )
      fs.rmSync(path.join(tmp, `copy-${run}`), {recursive: true, force: true})
      fs.rmSync(path.join(tmp, `restored-${run}`), {recursive: true, force: true})
    }
    const baseline = median(copy)
    const saveMs = median(save)
    const saveAgainMs = median(saveAgain)
    const restoreMs = median(restore)
    const mb = total / 1024 / 1024

    // A chain: every chapter's sandbox is the one before plus a little, so
    // all of them carry the same venv.
    const chain = openSnapshotStore({dir: path.join(tmp, 'chain-store')})
    let largest = 0
    for (let chapter = 1; chapter <= chapters; chapter++) {
      const dir = path.join(sandbox, 'workspace', 'data', 'prepared')
      fs.writeFileSync(path.join(dir, `chapter-${chapter}.csv`), source(200, 9000 + chapter))
      fs.appendFileSync(path.join(sandbox, 'shell-state.sh'), `export CHAPTER=${chapter}\n`)
      largest = Math.max(largest, (await chain.save(`chapter-${chapter}`, sandbox)).bytes)
    }
    const stored = (await chain.stats()).bytes
    return [
      {name: `cache: sandbox tree (${files} files, ${mb.toFixed(1)} MB)`, value: mb, unit: 'MB'},
      {name: `cache: save, every file new (hash + copy into the store, median of ${runs}) vs cp -a`, value: saveMs, unit: 'ms', baseline, ratio: saveMs / baseline},
      {name: `cache: save, every file already stored (hash only) vs cp -a`, value: saveAgainMs, unit: 'ms', baseline, ratio: saveAgainMs / baseline},
      {name: `cache: restore (copies out of the store, median of ${runs}) vs cp -a`, value: restoreMs, unit: 'ms', baseline, ratio: restoreMs / baseline},
      {name: 'cache: save + restore vs cp -a', value: saveMs + restoreMs, unit: 'ms', baseline, ratio: (saveMs + restoreMs) / baseline},
      {
        name: `cache: store after a chain of ${chapters} snapshots sharing a venv vs the largest snapshot (floor 1.5x)`,
        value: stored / 1024 / 1024,
        unit: 'MB',
        baseline: largest / 1024 / 1024,
        ratio: stored / largest
      }
    ]
  } finally {
    fs.rmSync(tmp, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of await runCacheBench()) {
    const baseline = row.baseline === undefined ? '' : `  baseline ${row.baseline.toFixed(1)} ${row.unit}`
    const ratio = row.ratio === undefined ? '' : `  ratio ${row.ratio.toFixed(2)}x`
    console.log(`${row.name}: ${row.value.toFixed(1)} ${row.unit}${baseline}${ratio}`)
  }
}
