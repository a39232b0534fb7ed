import type {ChapterReport, StepReport, VerifyReport} from '../../src/report/index.js'

/** A step report with defaults for what a test does not care about. */
export function step(partial: Partial<StepReport> & {id: string; status: StepReport['status']}): StepReport {
  const line = Number(partial.id.split('@')[1] ?? 1)
  return {kind: 'command', file: 'docs/chapter-7.md', line, headings: ['Chapter 7 - Move the data', 'Steps'], durationMs: 1200, notes: [], ...partial}
}

/** A run over two variants of one chapter plus a chapter that could not run. */
export function sampleReport(durationMs = 5000): VerifyReport {
  const failing: ChapterReport = {
    file: 'docs/chapter-7.md',
    title: 'Chapter 7 - Move the data',
    slug: 'chapter-7',
    variant: 'google-cloud',
    status: 'failed',
    durationMs,
    steps: [
      step({id: 'command@110', status: 'passed', title: 'Execute the following command(s) in a terminal', command: '# Create the project\ngcloud projects create mlops-demo\n'}),
      step({id: 'command@150', status: 'stood-in', command: 'gcloud auth login', message: 'line 151: `gcloud auth login` stood in: a browser login', notes: ['gcloud projects create ran against the local stand-in']}),
      step({
        id: 'expect@333',
        kind: 'expect',
        status: 'failed',
        durationMs: 0,
        command: 'pip freeze | grep dvc',
        expectLine: 333,
        failedLine: 335,
        message: 'Output differs from the block at line 333: <dvc[gs]> & "quotes" 100%',
        diff: '-dvc==3.47.0\n+dvc[gs]==3.47.0\u0007',
        expected: 'dvc==3.47.0\n',
        actual: 'dvc[gs]==3.47.0\n'
      }),
      step({id: 'command@170', status: 'timed-out', command: 'gcloud init', failedLine: 171, message: 'No output for 60s: browser login'}),
      step({id: 'file@317', kind: 'file', title: 'requirements.txt', status: 'skipped', message: 'Display only'}),
      step({id: 'expect@412', kind: 'expect', command: 'git status', status: 'passed', notes: ['tolerated (git-status-hint): index line differs']})
    ],
    checks: [
      {name: 'bucket exists', status: 'failed', message: 'gs://mlops-bucket missing', file: 'docs/chapter-7.md', line: 284},
      {name: 'git clean', status: 'passed', message: 'ok', file: 'docs/chapter-7.md', line: 446}
    ]
  }
  const passing: ChapterReport = {...failing, variant: 'default', status: 'passed', steps: [step({id: 'command@110', status: 'passed'})], checks: []}
  const broken: ChapterReport = {
    file: 'docs/chapter-8, part 1.md',
    title: 'Chapter 8',
    slug: 'chapter-8',
    variant: 'default',
    status: 'error',
    durationMs: 10,
    steps: [],
    checks: [],
    message: 'fake-gcs-server did not start'
  }
  return {tool: 'docs-verify', version: '0.1.0', startedAt: '2026-11-22T22:00:00.000Z', durationMs, chapters: [failing, passing, broken]}
}
