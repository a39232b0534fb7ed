#!/usr/bin/env node
// Runner overhead: blocks sent to the session's persistent shell as the
// chapter runner sends them, against the same commands as ONE plain bash
// script, measured in the same run: a warm-up round not counted, then
// rounds in which the two take turns every 30 blocks, compared per round
// (the machine is shared and noisy). The shell's start is counted once per
// chain and reported on its own row; the plain script's bash start is not
// in its time either.
// Build first: npx tsc -p tsconfig.build.json
//
//   node bench/runner.js
import {spawn, spawnSync} from 'node:child_process'
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

/** Blocks per turn: plain bash and the session take turns every this many. */
const chunkSize = 30

/**
 * One plain bash running all blocks as one script, in a session of its own
 * as a terminal's shell and the session's shell are (Linux schedules each
 * session as a group, autogroup: a bash in the benchmark's own group would
 * compete with whatever else that group ran). Before each chunk of blocks
 * it waits for a line on its stdin; it times each chunk itself
 * (EPOCHREALTIME) and says so on its stdout after a marker.
 */
class PlainBash {
  static #mark = '\x1eplain-chunk '

  constructor(sandbox, setup, chunks, dir) {
    const lines = [`mkdir -p ${dir} && cd ${dir}`, setup]
    for (const chunk of chunks) {
      lines.push('read -r __bench_go', '__bench_t0=$EPOCHREALTIME', '{', ...chunk, '} </dev/null', `printf '${PlainBash.#mark.replace('\x1e', '\\036')}%s %s\\n' "$__bench_t0" "$EPOCHREALTIME"`)
    }
    lines.push('read -r __bench_go', 'times')
    this.child = spawn('bash', ['--noprofile', '--norc', '-c', lines.join('\n')], {cwd: sandbox.paths.work, env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true})
    this.output = ''
    this.stderr = ''
    this.exited = new Promise((resolve) => this.child.once('close', resolve))
    this.child.stdout.on('data', (chunk) => {
      this.output += chunk.toString()
      this.#wake?.()
    })
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk.toString()))
    this.chunks = 0
  }

  #wake

  /** Run the next chunk; its time in ms as bash measured it. */
  async chunk() {
    const wanted = ++this.chunks
    this.child.stdin.write('\n')
    for (;;) {
      const times = [...this.output.matchAll(new RegExp(`${PlainBash.#mark}([\\d.]+) ([\\d.]+)\\n`, 'g'))]
      if (times.length >= wanted) {
        const [, t0, t1] = times[wanted - 1]
        return (Number(t1) - Number(t0)) * 1000
      }
      if (this.child.exitCode !== null) throw new Error(`plain script ended (${this.child.exitCode}): ${this.stderr.slice(-500)}`)
      await Promise.race([new Promise((resolve) => (this.#wake = resolve)), this.exited])
    }
  }

  /** Let it print `times` and end; its CPU (the shell and its commands). */
  async end() {
    this.child.stdin.end('\n')
    await this.exited
    return cpuOfTimes(this.output)
  }
}

/** The same blocks through a session: the first (setup) block starts the
 * shell and is timed apart. Each next block is asked for before the
 * result of the one before it is read, as the chapter runner asks for a
 * block that only expected outputs separate from the one before it
 * (nextToSendAhead in src/verify/lib/run-chapter.ts). */
class SessionRun {
  constructor(ShellSession, sandbox) {
    // As docs-verify runs chapters: one stream, in the order a terminal shows.
    this.session = new ShellSession(sandbox, {mergeStreams: true})
    this.ownCpuMs = 0
  }

  async setup(text) {
    const begin = process.hrtime.bigint()
    const setup = await this.session.run({id: 'setup', text})
    const startMs = elapsedMs(begin)
    if (setup.exitCode !== 0) throw new Error(`setup failed: ${setup.output}`)
    this.setupCpu = cpuOfTimes((await this.session.run({id: 'times', text: 'times'})).output)
    return startMs
  }

  /** Run a chunk of blocks; its time in ms as docs-verify's caller sees it. */
  async chunk(blocks) {
    const ownCpu = process.cpuUsage()
    const start = process.hrtime.bigint()
    const ask = (index) => {
      const asked = this.session.run({id: `command@${index}`, text: blocks[index]})
      asked.catch(() => undefined)
      return asked
    }
    let current = ask(0)
    for (let index = 0; index < blocks.length; index++) {
      const next = index + 1 < blocks.length ? ask(index + 1) : undefined
      const result = await current
      if (result.exitCode !== 0) throw new Error(`block ${index} failed: ${result.output}`)
      current = next
    }
    const ms = elapsedMs(start)
    const own = process.cpuUsage(ownCpu)
    this.ownCpuMs += (own.user + own.system) / 1000
    return ms
  }

  /** CPU of the shell and its commands since the setup, plus docs-verify's own. */
  async end() {
    try {
      const shellCpu = cpuOfTimes((await this.session.run({id: 'times', text: 'times'})).output) - this.setupCpu
      return shellCpu + this.ownCpuMs
    } finally {
      await this.session.close()
    }
  }
}

/**
 * Plain bash and the session on the same blocks, round after round in one
 * fresh sandbox each, after a warm-up round that is not counted (the first
 * git and the page cache). Within a round the two take turns every
 * `chunkSize` blocks, each in its own long-lived shell, and which goes
 * first alternates: on a shared machine the load drifts within seconds by
 * more than the overhead being measured, and taking turns lets the drift
 * hit both alike. The ratio is taken per round, then its median.
 */
async function compare(label, blocks, rounds) {
  const {createSandbox, ShellSession} = await import(path.join(root, 'dist/runner/index.js'))
  const chunks = []
  for (let index = 1; index < blocks.length; index += chunkSize) chunks.push(blocks.slice(index, index + chunkSize))
  const session = []
  const plain = []
  const ratios = []
  const cpuRatios = []
  const starts = []
  for (let round = -1; round < rounds; round++) {
    const sandbox = await createSandbox()
    try {
      const baseline = new PlainBash(sandbox, blocks[0], chunks, 'plain')
      const measured = new SessionRun(ShellSession, sandbox)
      const startMs = await measured.setup(`mkdir -p session && cd session\n${blocks[0]}`)
      let plainMs = 0
      let sessionMs = 0
      for (const [index, chunk] of chunks.entries()) {
        if ((round + index) % 2 === 0) {
          plainMs += await baseline.chunk()
          sessionMs += await measured.chunk(chunk)
        } else {
          sessionMs += await measured.chunk(chunk)
          plainMs += await baseline.chunk()
        }
      }
      const plainCpu = await baseline.end()
      const sessionCpu = await measured.end()
      if (round < 0) continue
      plain.push(plainMs)
      session.push(sessionMs)
      starts.push(startMs)
      ratios.push(sessionMs / plainMs)
      cpuRatios.push(sessionCpu / plainCpu)
    } finally {
      await sandbox.dispose()
    }
  }
  const count = blocks.length - 1
  return {
    label,
    count,
    rounds,
    sessionMs: median(session),
    plainMs: median(plain),
    ratio: median(ratios),
    cpuRatio: median(cpuRatios),
    startMs: median(starts),
    overheadMs: median(session.map((ms, index) => (ms - plain[index]) / count))
  }
}

/** @returns {Promise<{name: string, value: number, unit: string, baseline?: number, ratio?: number, floor?: {max?: number, min?: number}}[]>} */
export async function runRunnerBench(options = {}) {
  const rounds = options.rounds ?? 7
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
