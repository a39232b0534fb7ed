import {configDefaults, defineConfig} from 'vitest/config'

// Two suites, told apart by the file name:
// - unit (`npm test`): every `test/**/*.test.ts` that is not `*.e2e.test.ts`.
//   Node, bash, git and Python in temporary folders only; run on every change.
// - e2e (`npm run test:e2e`): `test/**/*.e2e.test.ts`, the real components
//   (bubblewrap, fake-gcs-server, gcloud, DVC, Docker, chapter runs, the
//   packed tarball); minutes.
// CI runs both (.ci/run). Two cores: the e2e tests spawn real
// servers and sandboxes, so keep the worker count at the machine's size.
// The unit files share a worker's module cache (isolate: false): it halves
// the suite's CPU time, so a unit test that changes process-wide state
// (process.env, cwd, signal handlers) must put it back.
const e2eFiles = 'test/**/*.e2e.test.ts'

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, e2eFiles], isolate: false}
      },
      {extends: true, test: {name: 'e2e', include: [e2eFiles]}}
    ]
  }
})
