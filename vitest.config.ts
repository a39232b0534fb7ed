import {defineConfig} from 'vitest/config'

// Two cores: integration tests spawn real git, bash, gcloud and servers, so
// keep the worker count at the machine's size.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
