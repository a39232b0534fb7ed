import {describe, expect, it} from 'vitest'
import {resolveSandboxMode} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'

const ready = requireTools(['bwrap'])

describe('--sandbox auto on this machine (real bubblewrap)', () => {
  it.runIf(ready)('auto uses bubblewrap when a trivial sandbox starts here', async () => {
    const resolved = await resolveSandboxMode('auto')
    expect(resolved.mode).toBe('bwrap')
    expect(resolved.line).toMatch(/^sandbox: bwrap \(auto: bubblewrap works here: .*own PID namespace/)
    expect(resolved.line).not.toContain('\n')
  })
})
