import {afterAll, beforeAll} from 'vitest'
import {createSandbox, ShellSession} from '../../src/runner/index.js'
import type {Sandbox} from '../../src/runner/index.js'

/** The sandbox and session a test file shares, made before its tests and
 * removed after them (nothing happens when the tools are missing). */
export interface SharedSession {
  sandbox: Sandbox
  session: ShellSession
}

export function useSharedSession(ready: boolean): SharedSession {
  const shared = {} as SharedSession
  beforeAll(async () => {
    if (!ready) return
    shared.sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
    shared.session = new ShellSession(shared.sandbox, {defaultTimeoutMs: 20_000, killGraceMs: 300})
  })
  afterAll(async () => {
    if (!ready) return
    await shared.session.close()
    await shared.sandbox.dispose()
  })
  return shared
}
