#!/usr/bin/env node
// Runner overhead: blocks sent one by one to the session's persistent shell
// against the same commands as ONE plain bash script, measured in the same
// run: a warm-up round not counted, then rounds that alternate which runs
// first, compared per round (the machine is shared and noisy). The shell's
// start is counted once per chain and reported on its own row; the plain
// script's bash start is taken off its time the same way.
// Build first: npx tsc -p tsconfig.build.json
//
//   node bench/runner.js
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import os from 'node:os'
import path from 'node:path'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Trivial blocks that carry state: each reads the variable, function and
 * directory the previous one left, and sets its own. */
function stateBlocks(count) {
  const blocks = ['mkdir -p d/e && PREV=start && say() { echo "said $1"; }']
  for (let i = 0; i < count; i++) {
    blocks.push(
      [
        `echo "block ${i} after $PREV in \${PWD##*/}"`,
        `PREV=${i}; export STEP=${i}`,
        i % 2 === 0 ? 'cd d' : 'cd ..',
        `say ${i}`,
        `say() { echo "said $1 (${i})"; }`
      ].join('\n')
    )
  }
  return blocks
}

/** A tutorial-like chapter: commands that start programs (mkdir, git). */
function chapterBlocks(count) {
  const blocks = ['git init -q repo && cd repo && echo hi > a.txt && git add a.txt && git commit -q -m init']
  for (let i = 0; i < count; i++) {
    blocks.push([`echo "step ${i}"`, `mkdir -p dir${i} && cd dir${i}`, `export STEP_${i}=${i}`, 'cd ..', 'git status --short'].join('\n'))
  }
  return blocks
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function elapsedMs(start) {
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** The CPU bash's `times` reports (the shell and its children), in ms. */
function cpuOfTimes(output) {
  const values = [...output.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60_000 + Number(match[2]) * 1000)
  if (values.length < 4) throw new Error(`no \`times\` output in: ${output.slice(-200)}`)
  return values.slice(-4).reduce((sum, value) => sum + value, 0)
}

/** One plain bash running all blocks as one script, less bash's own start.
 * In a session of its own, as a terminal's shell and the session's shell
 * are: Linux schedules each session as a group (autogroup), and a bash in
 * the benchmark's own group competes with whatever else that group ran. */
function plainMs(sandbox, blocks, dir) {
  const script = [`mkdir -p ${dir} && cd ${dir}`, ...blocks, 'times'].join('\n')
  const options = {cwd: sandbox.paths.work, env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true}
  let start = process.hrtime.bigint()
  spawnSync('bash', ['--noprofile', '--norc', '-c', ':'], options)
  const startup = elapsedMs(start)
  start = process.hrtime.bigint()
  const plain = spawnSync('bash', ['--noprofile', '--norc', '-c', script], options)
  const total = elapsedMs(start)
  if (plain.status !== 0) throw new Error(`plain script failed: ${plain.stderr}`)
  return {ms: Math.max(total - startup, 0), cpuMs: cpuOfTimes(plain.stdout.toString())}
}

/** The same blocks through a session: the first (setup) block starts the
 * shell and is timed apart. CPU: the shell's and its commands' (bash's
 * `times`, less what the setup used) plus docs-verify's own. */
async function sessionMs(ShellSession, sandbox, blocks, dir) {
  // As docs-verify runs chapters: one stream, in the order a terminal shows.
  const session = new ShellSession(sandbox, {mergeStreams: true})
  try {
    const begin = process.hrtime.bigint()
    const setup = await session.run({id: 'setup', text: `mkdir -p ${dir} && cd ${dir}\n${blocks[0]}`})
    const startMs = elapsedMs(begin)
    if (setup.exitCode !== 0) throw new Error(`setup failed: ${setup.output}`)
    const setupCpu = cpuOfTimes((await session.run({id: 'times', text: 'times'})).output)
    const ownCpu = process.cpuUsage()
    const start = process.hrtime.bigint()
    for (const [index, text] of blocks.slice(1).entries()) {
      const result = await session.run({id: `command@${index}`, text})
      if (result.exitCode !== 0) throw new Error(`block ${index} failed: ${result.output}`)
    }
    const blocksMs = elapsedMs(start)
    const own = process.cpuUsage(ownCpu)
    const shellCpu = cpuOfTimes((await session.run({id: 'times', text: 'times'})).output) - setupCpu
    return {blocksMs, startMs, cpuMs: shellCpu + (own.user + own.system) / 1000}
  } finally {
    await session.close()
  }
}

/**
 * Plain bash and the session on the same blocks, round after round in one
 * fresh sandbox each, after a warm-up round that is not counted (the first
 * git and the page cache). The two alternate which goes first, and the
 * ratio is taken per round, then its median: on a shared machine the load
 * drifts between rounds more than the overhead being measured.
 */
async function compare(label, blocks, rounds) {
  const {createSandbox, ShellSession} = await import(path.join(root, 'dist/runner/index.js'))
  const session = []
  const plain = []
  const ratios = []
  const cpuRatios = []
  const starts = []
  for (let round = -1; round < rounds; round++) {
    const sandbox = await createSandbox()
    try {
      let measured
      let baseline
      if (round % 2 === 0) {
        baseline = plainMs(sandbox, blocks, 'plain')
        measured = await sessionMs(ShellSession, sandbox, blocks, 'session')
      } else {
        measured = await sessionMs(ShellSession, sandbox, blocks, 'session')
        baseline = plainMs(sandbox, blocks, 'plain')
      }
      if (round < 0) continue
      plain.push(baseline.ms)
      session.push(measured.blocksMs)
      starts.push(measured.startMs)
      ratios.push(measured.blocksMs / baseline.ms)
      cpuRatios.push(measured.cpuMs / baseline.cpuMs)
    } finally {
      await sandbox.dispose()
    }
  }
  const count = blocks.length - 1
  const sessionMedian = median(session)
  const plainMedian = median(plain)
  return {
    label,
    count,
    rounds,
    sessionMs: sessionMedian,
    plainMs: plainMedian,
    ratio: median(ratios),
    cpuRatio: median(cpuRatios),
    startMs: median(starts),
    overheadMs: median(session.map((ms, index) => (ms - plain[index]) / count))
  }
}

/** @returns {Promise<{name: string, value: number, unit: string, baseline?: number, ratio?: number, floor?: {max?: number, min?: number}}[]>} */
export async function runRunnerBench(options = {}) {
  const rounds = options.rounds ?? 5
  const rows = []
  for (const count of [30, 300]) {
    const measured = await compare('trivial blocks that carry state', stateBlocks(count), rounds)
    rows.push(
      {name: `runner: ${count} trivial blocks that carry state, through the session (median of ${rounds})`, value: measured.sessionMs, unit: 'ms', baseline: measured.plainMs, ratio: measured.ratio},
      {name: `runner: ${count} trivial blocks, overhead per block over plain bash`, value: measured.overheadMs, unit: 'ms', floor: {max: 2}}
    )
  }
  const chapter = await compare('a chapter', chapterBlocks(300), rounds)
  rows.push(
    {name: `runner: a 300-block chapter (echo, mkdir, cd, export, git status) through the session (median of ${chapter.rounds})`, value: chapter.sessionMs, unit: 'ms', baseline: chapter.plainMs, ratio: chapter.ratio},
    {name: 'runner: a 300-block chapter, session time / plain bash time (median of the rounds\' ratios)', value: chapter.ratio, unit: 'x', floor: {max: 1.1}},
    // CPU does not wait for a busy machine's scheduler: what the session
    // costs in work (docs-verify + its shell + the commands) over plain
    // bash running the same commands.
    {name: 'runner: a 300-block chapter, CPU time (docs-verify + shell + commands) / plain bash CPU time', value: chapter.cpuRatio, unit: 'x'},
    {name: 'runner: a 300-block chapter, overhead per block over plain bash (the 2 ms floor is for trivial blocks)', value: chapter.overheadMs, unit: 'ms'},
    {name: 'runner: the shell start, once per chain (first block included)', value: chapter.startMs, unit: 'ms'},
    {name: 'runner: machine load average (1 min) after the run', value: os.loadavg()[0], unit: ''},
    ...(await tutorialRows(rounds))
  )
  return rows
}

/** The same comparison on a tutorial's real steps: chapters 1 and 2 of the
 * bundled guide (a virtualenv, Python scripts, git), file blocks written
 * the same way in both. */
async function tutorialRows(rounds) {
  const {createSandbox, ShellSession, applyFileStep} = await import(path.join(root, 'dist/runner/index.js'))
  const {planChapter} = await import(path.join(root, 'dist/plan/index.js'))
  const {readFileSync, readdirSync} = await import('node:fs')
  const guide = path.join(root, 'docs/guide')
  const steps = readdirSync(guide)
    .filter((name) => /^chapter-[12]-/.test(name))
    .sort()
    .flatMap((name) => planChapter(readFileSync(path.join(guide, name), 'utf8'), name).variants[0].steps)
    .filter((step) => step.kind === 'command' || (step.kind === 'file' && step.mode === 'full'))
  const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`
  const script = steps
    .map((step) => (step.kind === 'command' ? step.text : `mkdir -p "$(dirname ${quote(step.path)})" && printf '%s\\n' ${quote(step.text.replace(/\n$/, ''))} > ${quote(step.path)}`))
    .join('\n')
  const sessionTimes = []
  const scriptTimes = []
  for (let round = 0; round < rounds; round++) {
    const sandbox = await createSandbox()
    try {
      const start = process.hrtime.bigint()
      const plain = spawnSync('bash', ['--noprofile', '--norc', '-c', `cd ${quote(sandbox.paths.work)} && mkdir script && cd script\n${script}`], {env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true})
      scriptTimes.push(elapsedMs(start))
      if (plain.status !== 0) throw new Error(`tutorial script failed: ${plain.stderr}`)
      const session = new ShellSession(sandbox, {mergeStreams: true})
      await session.run({id: 'setup', text: 'mkdir session && cd session'})
      const begin = process.hrtime.bigint()
      for (const step of steps) {
        if (step.kind === 'command') {
          const result = await session.run({id: step.id, text: step.text})
          if (result.exitCode !== 0) throw new Error(`${step.id} failed: ${result.output}`)
        } else {
          await applyFileStep({id: step.id, path: step.path, text: step.text, mode: 'full'}, {cwd: session.cwd, home: sandbox.paths.home, root: sandbox.root})
        }
      }
      sessionTimes.push(elapsedMs(begin))
      await session.close()
    } finally {
      await sandbox.dispose()
    }
  }
  const sessionMs = median(sessionTimes)
  const scriptMs = median(scriptTimes)
  const commands = steps.filter((step) => step.kind === 'command').length
  return [
    {name: `runner: bundled chapters 1-2 (${commands} command blocks, ${steps.length - commands} files) through the session (median of ${rounds})`, value: sessionMs, unit: 'ms', baseline: scriptMs, ratio: sessionMs / scriptMs}
  ]
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const row of await runRunnerBench()) {
    const baseline = row.baseline === undefined ? '' : `  baseline ${row.baseline.toFixed(2)} ${row.unit}`
    const ratio = row.ratio === undefined ? '' : `  ratio ${row.ratio.toFixed(2)}x`
    const floor = row.floor ? `  floor <= ${row.floor.max}: ${row.value <= row.floor.max ? 'met' : 'MISSED'}` : ''
    console.log(`${row.name}: ${row.value.toFixed(2)} ${row.unit}${baseline}${ratio}${floor}`)
  }
}
