// Whole-guide benchmarks (issue 5), all in one run against the bundled
// guide copied to a temporary folder, with a snapshot cache of its own (the
// pip cache and fake-gcs-server stay shared, so "cold" means no snapshots,
// not no downloads):
//   - the whole guide cold, then warm with nothing changed (floor: < 2 s),
//     then with chapter 6 edited (costs chapters 6 and 7, not the guide);
//   - --jobs 2 against --jobs 1 on two independent chains (the two tabs of
//     a generated chapter): floor 1.6x on two cores.
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const bin = path.join(root, 'dist/cli/bin.js')

function sharedCache() {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docs-verify')
}

/** A cache folder of its own, sharing the user's pip cache and
 * fake-gcs-server (or other folders named in `links`). */
function freshCache(links = {pip: path.join(sharedCache(), 'pip'), bin: path.join(sharedCache(), 'bin')}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs-verify-bench-cache-'))
  mkdirSync(path.join(dir, 'docs-verify'))
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(target, {recursive: true})
    symlinkSync(target, path.join(dir, 'docs-verify', name))
  }
  return dir
}

function removeAll(...dirs) {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true})
}

function verify(args, cwd, cache) {
  if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` first')
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [bin, ...args, '--reporter', 'json'], {
    cwd,
    env: {...process.env, XDG_CACHE_HOME: cache, CI: 'true', NO_COLOR: '1'},
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`docs-verify ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(-3000)}`)
  const report = JSON.parse(result.stdout)
  const ran = report.chapters.filter((chapter) => chapter.status !== 'restored').map((chapter) => chapter.slug)
  return {ms, ran, report}
}

function copyGuide() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs-verify-bench-guide-'))
  cpSync(path.join(root, 'docs/guide'), path.join(dir, 'docs/guide'), {recursive: true})
  const nav = readFileSync(path.join(root, 'mkdocs.yml'), 'utf8').match(/^\s+- Chapter .*$/gm) ?? []
  writeFileSync(path.join(dir, 'mkdocs.yml'), `site_name: bench\nnav:\n${nav.map((line) => `  ${line.trim()}`).join('\n')}\n`)
  return dir
}

function twoTabGuide() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs-verify-bench-jobs-'))
  mkdirSync(path.join(dir, 'docs'))
  const work = `python3 -c "import hashlib; h=b'x'; exec('for _ in range(1500000): h=hashlib.sha256(h).digest()'); print(h.hex()[:8])"`
  const tab = (label) => `=== "${label}"\n\n    \`\`\`sh title="Execute the following command(s) in a terminal"\n    git init -q\n    ${work}\n    ${work}\n    \`\`\`\n`
  writeFileSync(path.join(dir, 'docs/chapter-1-two-systems.md'), `# Chapter 1 - Two systems\n\n${tab(':simple-linux: Linux')}\n${tab(':simple-apple: macOS')}`)
  writeFileSync(path.join(dir, 'mkdocs.yml'), 'site_name: jobs\nnav:\n  - Chapter 1 - Two systems: chapter-1-two-systems.md\n')
  return dir
}

export async function runGuideBench() {
  const rows = []
  const guide = copyGuide()
  const cache = freshCache()
  try {
    const cold = verify(['all'], guide, cache)
    const warm = verify(['all'], guide, cache)
    const six = path.join(guide, 'docs/guide', readFileSync(path.join(guide, 'mkdocs.yml'), 'utf8').match(/chapter-6-[\w-]+\.md/)[0])
    writeFileSync(six, readFileSync(six, 'utf8').replace('git push -u origin main', 'git push --set-upstream origin main'))
    const edited = verify(['all'], guide, cache)
    rows.push({name: 'guide: whole bundled guide, cold (no snapshots)', value: cold.ms / 1000, unit: 's'})
    rows.push({name: `guide: warm, nothing changed (ran: ${warm.ran.join(', ') || 'none'})`, value: warm.ms / 1000, unit: 's', baseline: cold.ms / 1000, ratio: warm.ms / cold.ms, floor: {max: 2}})
    rows.push({name: `guide: chapter 6 edited (ran: ${edited.ran.join(', ')})`, value: edited.ms / 1000, unit: 's', baseline: cold.ms / 1000, ratio: edited.ms / cold.ms})
  } finally {
    removeAll(guide, cache)
  }
  return rows
}

/** --jobs 2 against --jobs 1 on two independent chains: the two tabs of a
 * generated chapter, each a few seconds of CPU. */
export async function runJobsBench() {
  const rows = []
  const jobsGuide = twoTabGuide()
  const jobsCache = freshCache()
  try {
    const one = verify(['chapter-1', '--no-cache', '--jobs', '1'], jobsGuide, jobsCache)
    const two = verify(['chapter-1', '--no-cache', '--jobs', '2'], jobsGuide, jobsCache)
    rows.push({name: 'jobs: two independent chains, --jobs 2 speed-up over --jobs 1', value: one.ms / two.ms, unit: 'x', baseline: one.ms / 1000, baseline_unit: 's (--jobs 1)', floor: {min: 1.6}})
  } finally {
    removeAll(jobsGuide, jobsCache)
  }
  return rows
}

/** Chapter 7 alone (chapters 1-6 restored), with the pip cache warm and
 * then empty; and the share of its time spent in the chapter's own
 * commands (the rest is docs-verify: sandbox, restore, checks). */
export async function runChapter7Bench() {
  const guide = copyGuide()
  const warmCache = freshCache()
  const emptyPip = mkdtempSync(path.join(os.tmpdir(), 'docs-verify-bench-pip-'))
  const coldCache = freshCache({bin: path.join(sharedCache(), 'bin'), pip: emptyPip, snapshots: path.join(warmCache, 'docs-verify', 'snapshots')})
  const seven = path.join(guide, 'docs/guide', readFileSync(path.join(guide, 'mkdocs.yml'), 'utf8').match(/chapter-7-[\w-]+\.md/)[0])
  const touch = (word) => writeFileSync(seven, readFileSync(seven, 'utf8').replace(/git commit -m "([^"]*)"/, `git commit -m "$1 ${word}"`))
  const commandMs = (report) => {
    const chapter = report.chapters.find((entry) => entry.slug === 'chapter-7')
    const commands = chapter.steps.filter((step) => step.kind === 'command').reduce((sum, step) => sum + step.durationMs, 0)
    return commands
  }
  try {
    verify(['chapter-7'], guide, warmCache)
    touch('again')
    const warm = verify(['chapter-7'], guide, warmCache)
    touch('once more')
    const cold = verify(['chapter-7'], guide, coldCache)
    const warmCommands = commandMs(warm.report)
    const coldCommands = commandMs(cold.report)
    return [
      {name: 'chapter 7: wall time, warm pip cache (chapters 1-6 restored)', value: warm.ms / 1000, unit: 's'},
      {name: 'chapter 7: wall time, empty pip cache', value: cold.ms / 1000, unit: 's', baseline: warm.ms / 1000, ratio: cold.ms / warm.ms},
      {name: "chapter 7 (warm): share of wall time in the chapter's own commands", value: (100 * warmCommands) / warm.ms, unit: '%', baseline: warm.ms / 1000, baseline_unit: 's wall'},
      {name: 'chapter 7 (warm): time in docs-verify itself (sandbox, restore, emulator, checks)', value: (warm.ms - warmCommands) / 1000, unit: 's', baseline: warmCommands / 1000, baseline_unit: 's in commands', ratio: (warm.ms - warmCommands) / warmCommands},
      {name: "chapter 7 (empty pip): share of wall time in the chapter's own commands", value: (100 * coldCommands) / cold.ms, unit: '%'}
    ]
  } finally {
    removeAll(guide, warmCache, coldCache, emptyPip)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await runGuideBench()) console.log(row)
}
