import {describe, expect, it} from 'vitest'
import {defaultNetworkPolicy, describeNetworkPolicy, networkDecision, resolveSandboxMode} from '../../src/runner/index.js'
import {validateConfig} from '../../src/config/index.js'

// Whether bubblewrap starts here is in sandbox-mode.e2e.test.ts.
describe('--sandbox: which mode, said in one line', () => {
  it('auto falls back to none, loudly, when bwrap is missing', async () => {
    const resolved = await resolveSandboxMode('auto', {PATH: '/nonexistent'})
    expect(resolved.mode).toBe('none')
    expect(resolved.line).toBe('sandbox: none (auto: bwrap is not on PATH (install the bubblewrap package)): steps are NOT isolated from your files, processes and network')
  })

  it('bwrap asked for and missing is an error naming the fix', async () => {
    await expect(resolveSandboxMode('bwrap', {PATH: '/nonexistent'})).rejects.toThrow(/--sandbox bwrap: bwrap is not on PATH \(install the bubblewrap package\)/)
  })

  it('none is explicit and says the steps are not isolated', async () => {
    const resolved = await resolveSandboxMode('none')
    expect(resolved).toMatchObject({mode: 'none', networkFiltered: false})
    expect(resolved.line).toMatch(/NOT isolated/)
  })
})

describe('network policy', () => {
  const policy = defaultNetworkPolicy(['*.example.org', 'git.example.com:8443'], {PIP_INDEX_URL: 'https://mirror.example.net/simple'})

  it('allows the package registries, the configured hosts and the user\'s package mirror', () => {
    expect(networkDecision(policy, 'pypi.org', 443).allowed).toBe(true)
    expect(networkDecision(policy, 'files.pythonhosted.org', 443).allowed).toBe(true)
    expect(networkDecision(policy, 'registry.npmjs.org', 443).allowed).toBe(true)
    expect(networkDecision(policy, 'mirror.example.net', 443).allowed).toBe(true)
    expect(networkDecision(policy, 'a.example.org', 443).allowed).toBe(true)
    expect(networkDecision(policy, 'example.org', 443).allowed).toBe(false)
    expect(networkDecision(policy, 'git.example.com', 8443).allowed).toBe(true)
    expect(networkDecision(policy, 'git.example.com', 443).allowed).toBe(false)
    expect(networkDecision(policy, 'github.com', 443)).toEqual({allowed: false, reason: 'github.com:443 is not on the network allow-list (config sandbox.allowHosts)'})
  })

  it('never allows the real cloud, even when the config lists it', () => {
    const generous = defaultNetworkPolicy(['*.googleapis.com', 'accounts.google.com', 'storage.googleapis.com'])
    for (const host of ['storage.googleapis.com', 'oauth2.googleapis.com', 'accounts.google.com', 'STORAGE.googleapis.com.', '169.254.169.254']) {
      const decision = networkDecision(generous, host, 443)
      expect(decision.allowed).toBe(false)
      expect(decision.reason).toMatch(/real cloud/)
    }
  })

  it('describes itself in one line for dry-run and the report', () => {
    const text = describeNetworkPolicy({...policy, localPorts: [{port: 4443, label: 'fake-gcs-server'}]})
    expect(text).toMatch(/^allowed: pypi\.org, /)
    expect(text).toContain('stand-ins: fake-gcs-server 127.0.0.1:4443')
    expect(text).toContain('always denied: *.googleapis.com')
    expect(text).not.toContain('\n')
  })
})

describe('config sandbox', () => {
  it('takes a mode and an allow-list, and names what is wrong', () => {
    const good = validateConfig({sandbox: {mode: 'none', allowHosts: ['*.example.org', '127.0.0.1:8080']}}, 'docs-verify.config.yaml')
    expect(good.diagnostics).toEqual([])
    expect(good.config.sandbox).toEqual({mode: 'none', allowHosts: ['*.example.org', '127.0.0.1:8080']})
    const bad = validateConfig({sandbox: {mode: 'docker', allowHosts: ['https://pypi.org/simple'], net: true}}, 'docs-verify.config.yaml')
    expect(bad.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '`sandbox.net` is not a known key; allowed here: mode, allowHosts',
      '`sandbox.mode` must be "auto", "bwrap" or "none", not "docker"',
      expect.stringMatching(/^`sandbox\.allowHosts\[0\]` must be a host name, `\*\.domain` or `host:port` \(no scheme, no path\)/)
    ])
  })
})
