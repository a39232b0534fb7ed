import fs from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {parseShard} from '../../src/shard/index.js'

const read = async (relative: string): Promise<string> => fs.readFile(new URL(`../../${relative}`, import.meta.url), 'utf8')

interface Step {
  run?: string
  uses?: string
  if?: string
  with?: Record<string, string | number>
  env?: Record<string, string>
}

interface Workflow {
  jobs: Record<string, {strategy?: {matrix?: {shard?: number[]}}; steps: Step[]}>
}

interface Action {
  inputs: Record<string, {default?: string}>
  runs: {using: string; steps: Step[]}
}

/** Tools a GitHub-hosted Ubuntu runner has without a setup step. */
const onTheRunner = new Set(['git', 'bash', 'tar', 'curl'])
/** The setup step that puts a tool .ci/run checks for on the runner. */
const setupFor: Record<string, string> = {
  node: 'actions/setup-node',
  go: 'actions/setup-go',
  python3: 'actions/setup-python',
  gcloud: 'google-github-actions/setup-gcloud'
}

describe('docs-verify workflow', () => {
  it('shards the guide into 1..n through the repository\'s own Action, each a valid --shard', async () => {
    const workflow = parse(await read('.github/workflows/docs-verify.yml')) as Workflow
    const guide = workflow.jobs.guide!
    const shards = guide.strategy!.matrix!.shard!
    const action = guide.steps.find((step) => step.uses === './')!
    expect(action.with!.chapters).toBe('all')
    const count = Number(/^\$\{\{ matrix\.shard \}\}\/(\d+)$/.exec(String(action.with!.shard))![1])
    expect(shards).toEqual(Array.from({length: count}, (_v, i) => i + 1))
    for (const index of shards) expect(parseShard(`${index}/${count}`).ok).toBe(true)
    const upload = guide.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!
    expect(upload.with!.path).toBe(action.with!.junit)
  })

  it('runs .ci/run on the real guide, laid out as ../shared/seeds from its public repository at the seed commit', async () => {
    const workflow = parse(await read('.github/workflows/docs-verify.yml')) as Workflow
    const steps = workflow.jobs.test!.steps
    const guide = steps.find((step) => step.with?.repository === 'swiss-ai-center/a-guide-to-mlops')!
    expect(guide.with!.ref).toBe('6f33235848021212aa8ef38bcd12833a0cc05ab4')
    const layout = steps.findIndex((step) => step.run?.includes('scripts/lay-out-seeds.sh') && step.run.includes('../shared/seeds'))
    const ciRun = steps.findIndex((step) => /\bbash \.ci\/run$/.test(step.run ?? ''))
    expect(layout).toBeGreaterThan(steps.indexOf(guide))
    expect(ciRun).toBeGreaterThan(layout)
  })

  it('installs every tool .ci/run checks for and does not install itself', async () => {
    const ciRun = await read('.ci/run')
    const tools = /for tool in ([^;]+); do/.exec(ciRun)![1]!.trim().split(/\s+/)
    // What .ci/run installs itself when missing (`command -v X || missing+=(pkg)`,
    // then apt-get; the job runs it as root) needs no setup step.
    const installedByCiRun = new Set([...ciRun.matchAll(/command -v (\S+) >\/dev\/null \|\| missing\+=/g)].map((match) => match[1]!))
    expect(ciRun).toMatch(/apt-get install -y "\$\{missing\[@\]\}"/)
    expect(tools).toContain('gcloud')
    const workflow = parse(await read('.github/workflows/docs-verify.yml')) as Workflow
    const used = workflow.jobs.test!.steps.flatMap((step) => (step.uses ? [step.uses.split('@')[0]!] : []))
    for (const tool of ['node', ...tools]) {
      if (onTheRunner.has(tool) || installedByCiRun.has(tool)) continue
      expect(setupFor[tool], `.ci/run needs ${tool}: add its setup step to the test job and to setupFor here`).toBeDefined()
      expect(used, `the test job has no ${setupFor[tool]} step for ${tool}`).toContain(setupFor[tool])
    }
  })
})

describe('action.yml', () => {
  it('is a composite action that installs docs-verify from its own checkout and runs it with annotations, JUnit and the snapshot cache', async () => {
    const action = parse(await read('action.yml')) as Action
    expect(action.runs.using).toBe('composite')
    const install = action.runs.steps.find((step) => step.run?.includes('npm ci'))!
    expect(install.run).toContain('scripts/install-fake-gcs-server.sh')
    const cache = action.runs.steps.find((step) => step.uses?.startsWith('actions/cache'))!
    expect(cache.with!.path).toBe('~/.cache/docs-verify/snapshots')
    expect(String(cache.with!.key)).toContain('github.run_id')
    const run = action.runs.steps.find((step) => step.run?.includes('--reporter github'))!
    expect(run.run).toContain('--reporter "junit=$DOCS_VERIFY_JUNIT"')
    expect(run.run).toContain('--shard "$DOCS_VERIFY_SHARD"')
    // Inputs reach the script through the environment, never its text.
    expect(run.run).not.toContain('${{')
    expect(Object.values(run.env!).join(' ')).toContain('inputs.args')
    expect(action.inputs.chapters!.default).toBe('all')
  })

  it('its run script turns the inputs into the docs-verify arguments, quotes kept', async () => {
    const action = parse(await read('action.yml')) as Action
    const script = action.runs.steps.find((step) => step.run?.includes('--reporter github'))!.run!
    const {execFile} = await import('node:child_process')
    const {promisify} = await import('node:util')
    const os = await import('node:os')
    const path = await import('node:path')
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dv-action-'))
    try {
      // A stand-in docs-verify that prints its arguments, one a line.
      await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({bin: {'docs-verify': 'print-args.js'}}))
      await fs.writeFile(path.join(dir, 'print-args.js'), 'console.log(process.argv.slice(2).join("\\n"))\n')
      const output = path.join(dir, 'github-output')
      const {stdout} = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          GITHUB_WORKSPACE: dir,
          GITHUB_OUTPUT: output,
          DOCS_VERIFY_HOME: dir,
          DOCS_VERIFY_CHAPTERS: 'chapter-1..chapter-3',
          DOCS_VERIFY_ARGS: "--set 'my project id=mlops-demo' --timeout 900",
          DOCS_VERIFY_SHARD: '2/3',
          DOCS_VERIFY_JUNIT: 'out/junit.xml',
          DOCS_VERIFY_JSON: '',
          DOCS_VERIFY_VERBOSE: 'false'
        }
      })
      expect(stdout.trimEnd().split('\n')).toEqual([
        'chapter-1..chapter-3',
        '--set',
        'my project id=mlops-demo',
        '--timeout',
        '900',
        '--reporter',
        'github',
        '--shard',
        '2/3',
        '--reporter',
        'junit=out/junit.xml'
      ])
      expect(await fs.readFile(output, 'utf8')).toBe('junit=out/junit.xml\n')
    } finally {
      await fs.rm(dir, {recursive: true, force: true})
    }
  })
})
