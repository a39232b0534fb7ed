/**
 * Which hosts a step may reach. Plain data and pure matching: the gate
 * (network-gate.ts) enforces it, dry-run and the report show it.
 */

/** Package registries a tutorial installs from. */
export const defaultAllowedHosts: readonly string[] = [
  'pypi.org',
  'files.pythonhosted.org',
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'proxy.golang.org',
  'sum.golang.org',
  'index.crates.io',
  'static.crates.io',
  'deb.debian.org',
  'security.debian.org'
]

/** The real cloud: never reachable, whatever the allow-list says, so a
 * step can never act on the user's real account. */
export const alwaysDeniedHosts: readonly string[] = [
  '*.googleapis.com',
  'googleapis.com',
  'accounts.google.com',
  'oauth2.googleapis.com',
  'metadata.google.internal',
  '169.254.169.254'
]

export interface NetworkPolicy {
  /** Host patterns reached through the allow-list proxy: `pypi.org`,
   * `*.example.com` (subdomains only), optionally with `:port`. */
  allowHosts: string[]
  /** Stand-ins on the host's loopback, bridged into the sandbox at the
   * same `127.0.0.1:PORT`. */
  localPorts: {port: number; label: string}[]
}

export function defaultNetworkPolicy(extraHosts: readonly string[] = [], parentEnv: Readonly<Record<string, string | undefined>> = {}): NetworkPolicy {
  const hosts = [...defaultAllowedHosts]
  // The user's own package mirror is a package registry too.
  for (const name of ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'npm_config_registry']) {
    const host = hostOfUrl(parentEnv[name])
    if (host) hosts.push(host)
  }
  return {allowHosts: [...new Set([...hosts, ...extraHosts])], localPorts: []}
}

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname || undefined
  } catch {
    return undefined
  }
}

function matchesPattern(pattern: string, host: string, port: number): boolean {
  let hostPattern = pattern.toLowerCase()
  // `host:port` or `[v6]:port` limits the entry to one port.
  const withPort = /^(\[[^\]]+\]|[^:\[\]]+):(\d+)$/.exec(hostPattern)
  if (withPort) {
    if (Number(withPort[2]) !== port) return false
    hostPattern = withPort[1]!.replace(/^\[|\]$/g, '')
  }
  if (hostPattern.startsWith('*.')) return host.endsWith(hostPattern.slice(1))
  return host === hostPattern
}

/** Why `host:port` may or may not be reached from a step. */
export function networkDecision(policy: NetworkPolicy, host: string, port: number): {allowed: boolean; reason: string} {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  const denied = alwaysDeniedHosts.find((pattern) => matchesPattern(pattern, name, port))
  if (denied) return {allowed: false, reason: `${name} is the real cloud (${denied}): steps use the local stand-ins`}
  const allowed = policy.allowHosts.find((pattern) => matchesPattern(pattern, name, port))
  if (allowed) return {allowed: true, reason: `allowed by ${allowed}`}
  return {allowed: false, reason: `${name}:${port} is not on the network allow-list (config sandbox.allowHosts)`}
}

/** One line for dry-run and the report. */
export function describeNetworkPolicy(policy: NetworkPolicy): string {
  const local = policy.localPorts.map(({port, label}) => `${label} 127.0.0.1:${port}`)
  return [
    `allowed: ${policy.allowHosts.join(', ')}`,
    ...(local.length > 0 ? [`stand-ins: ${local.join(', ')}`] : []),
    `always denied: ${alwaysDeniedHosts.join(', ')}; everything else denied`
  ].join('; ')
}
