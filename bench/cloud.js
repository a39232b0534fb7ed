#!/usr/bin/env node
// Cloud stand-ins benchmark: how long until fake-gcs-server answers its
// health check (binary backend, and auto = container probe + fallback),
// beside baselines measured in the same run (a bare process start of the
// same binary, and of `true`), so the ratio carries between machines.
//
//   npx tsc -p tsconfig.build.json && node bench/cloud.js
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {
  cachedBinaryPath,
  defaultCacheDir,
  locateFakeGcsServer,
  startControlPlane,
  startGcsEmulator
} from '../dist/cloud/index.js'

const RUNS = 5

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6
}

/** Wall time of one process from spawn to exit. */
function processMs(command, args) {
  return new Promise((resolve, reject) => {
    const start = now()
    const child = spawn(command, args, {stdio: 'ignore'})
    child.once('error', reject)
    child.once('exit', () => resolve(now() - start))
  })
}

async function timeRuns(fn) {
  await fn() // warm-up: page cache and lazy imports, not what we measure
  const times = []
  for (let i = 0; i < RUNS; i++) times.push(await fn())
  return median(times)
}

/** Benchmark rows: `{name, value, unit, baseline?, ratio?}`. */
export async function runCloudBench() {
  const binary = locateFakeGcsServer(defaultCacheDir()) ?? cachedBinaryPath(defaultCacheDir())
  const trueBaseline = await timeRuns(() => processMs('true', []))
  const helpBaseline = await timeRuns(() => processMs(binary, ['-h']))

  const binaryStart = await timeRuns(async () => {
    const start = now()
    const emulator = await startGcsEmulator({backend: 'binary', provision: false})
    const ms = now() - start
    await emulator.stop()
    return ms
  })
  const autoStart = await timeRuns(async () => {
    const start = now()
    const emulator = await startGcsEmulator({backend: 'auto', provision: false})
    const ms = now() - start
    await emulator.stop()
    return ms
  })
  const controlPlaneStart = await timeRuns(async () => {
    const start = now()
    const cp = await startControlPlane()
    await (await fetch(`${cp.endpoints.cloudbilling}v1/billingAccounts`)).arrayBuffer()
    const ms = now() - start
    await cp.stop()
    return ms
  })

  return [
    {name: 'cloud: baseline `true` process start-to-exit (median of 5)', value: trueBaseline, unit: 'ms'},
    {name: 'cloud: baseline `fake-gcs-server -h` start-to-exit (median of 5)', value: helpBaseline, unit: 'ms'},
    {
      name: 'cloud: binary emulator start-to-healthy (median of 5)',
      value: binaryStart,
      unit: 'ms',
      baseline: helpBaseline,
      ratio: binaryStart / helpBaseline
    },
    {
      name: 'cloud: auto emulator (container probe + binary fallback) start-to-healthy (median of 5)',
      value: autoStart,
      unit: 'ms',
      baseline: binaryStart,
      ratio: autoStart / binaryStart
    },
    {
      name: 'cloud: control-plane stand-in start + first answer (median of 5)',
      value: controlPlaneStart,
      unit: 'ms',
      baseline: trueBaseline,
      ratio: controlPlaneStart / trueBaseline
    }
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runCloudBench()
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '' : `  (${row.ratio.toFixed(2)}x baseline ${row.baseline.toFixed(1)} ms)`
    console.log(`${row.name}: ${row.value.toFixed(1)} ${row.unit}${ratio}`)
  }
}
