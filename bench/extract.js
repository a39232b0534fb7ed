#!/usr/bin/env node
// Extract benchmark: parse + plan a generated 50-chapter guide (~400 KB) in
// the MkDocs-Material dialect, beside a baseline measured in the same run:
// plain remark-parse of the same text (no dialect layer, no planning).
//
//   npx tsc -p tsconfig.build.json && node bench/extract.js
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {parseMarkdown} from '../dist/extract/index.js'
import {planChapter} from '../dist/plan/index.js'

const chapters = 50

/** One chapter of the dialect, about 8 KB, varied by its number. */
function chapter(n) {
  const parts = [`# Chapter ${n} - Generated chapter ${n}\n\n## Introduction\n`]
  for (let p = 0; p < 8; p++) parts.push(`This paragraph ${p} explains step ${n}.${p} with \`inline code\`, a [link](https://example.com/${n}/${p}), ++ctrl+c++ keys and :material-rocket: emoji, wrapped\nover a second line so that the prose is realistic.\n`)
  for (let s = 0; s < 5; s++) {
    parts.push(`## Step ${s}\n\nExport the project ID. Replace \`<my project id>\` with your own. For example, use \`mlops-${n}\`:\n`)
    parts.push(`=== ":simple-googlecloud: Google Cloud"\n\n    !!! warning "Mind the quota"\n\n        Quotas apply to project ${n}.\n\n    === ":simple-github: GitHub"\n\n        \`\`\`sh title="Execute the following command(s) in a terminal"\n        export GCP_PROJECT_ID=<my project id>\n        gcloud projects create $GCP_PROJECT_ID --labels=step=${s}\n        \`\`\`\n\n        The output should be similar to this:\n\n        \`\`\`text\n        Create in progress for [https://cloudresourcemanager.googleapis.com/v1/projects/mlops-${n}].\n        Waiting for [operations/cp.${n}${s}] to finish...done.\n        \`\`\`\n\n    === ":simple-gitlab: GitLab"\n\n        \`\`\`sh title="Execute the following command(s) in a terminal"\n        glab repo create mlops-${n}-${s}\n        \`\`\`\n\n=== ":material-cloud: Using another cloud provider? Read this!"\n\n    This guide has been written with Google Cloud in mind. Contributions are welcome\n    for other providers.\n`)
    parts.push(`Update the \`params.yaml\` file:\n\n\`\`\`yaml title="params.yaml" hl_lines="2-3"\nprepare:\n  split: 0.${s}\n  seed: ${n}\ntrain:\n  lr: 0.0001\n  epochs: ${s + 5}\n\`\`\`\n\n| Metric | Value |\n| ------ | ----- |\n| acc    | 0.${n} |\n\n- [x] Done with step ${s}\n`)
  }
  parts.push(`## Summary\n\n<!-- TODO: more -->\n\n\`\`\`mermaid\nflowchart LR\n    a --> b\n\`\`\`\n`)
  return parts.join('\n')
}

function once(fn) {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Interleave the measured functions round by round, so that load on the
 * machine weighs on all of them alike; medians per function. */
function measure(fns, rounds) {
  const samples = fns.map(() => [])
  for (let r = 0; r < rounds; r++) fns.forEach((fn, i) => samples[i].push(once(fn)))
  return samples.map(median)
}

/** Run the benchmark; values are medians over rounds after a warm-up. */
export async function runExtractBench() {
  const texts = Array.from({length: chapters}, (_, i) => chapter(i + 1))
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const remark = unified().use(remarkParse)
  const ours = () => {
    for (let i = 0; i < texts.length; i++) planChapter(texts[i], `docs/chapter-${i + 1}.md`)
  }
  const parseOnly = () => {
    for (let i = 0; i < texts.length; i++) parseMarkdown(texts[i], `docs/chapter-${i + 1}.md`)
  }
  const baseline = () => {
    for (const text of texts) remark.parse(text)
  }
  // Warm-up: JIT every path before measuring.
  measure([ours, parseOnly, baseline], 3)
  const [oursMs, parseMs, baseMs] = measure([ours, parseOnly, baseline], 9)
  const perChapter = oursMs / chapters
  const basePerChapter = baseMs / chapters
  return [
    {name: `extract: parse+plan, ms per chapter (${chapters} chapters, ${Math.round(bytes / 1024)} KB)`, value: perChapter, unit: 'ms', baseline: basePerChapter, ratio: perChapter / basePerChapter, floor: {max: 5}},
    {name: 'extract: parse+plan throughput', value: (chapters / oursMs) * 1000, unit: 'files/s', baseline: (chapters / baseMs) * 1000, ratio: baseMs / oursMs},
    {name: 'extract: dialect parse only (full mdast, inline included), ms per chapter', value: parseMs / chapters, unit: 'ms', baseline: basePerChapter, ratio: parseMs / baseMs}
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const result of await runExtractBench()) {
    const extra = result.baseline === undefined ? '' : `  (baseline remark-parse ${result.baseline.toFixed(2)} ${result.unit}, ratio ${result.ratio.toFixed(2)})`
    console.log(`${result.name}: ${result.value.toFixed(2)} ${result.unit}${extra}`)
  }
}
