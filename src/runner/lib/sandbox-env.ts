import path from 'node:path'

/** Where the sandbox keeps what a learner's machine would keep in `$HOME`. */
export interface SandboxPaths {
  root: string
  home: string
  /** The learner's working directory: steps start here. */
  work: string
  tmp: string
  /** CLOUDSDK_CONFIG: a gcloud configuration of its own. */
  gcloud: string
  xdgConfig: string
  xdgCache: string
  xdgData: string
  xdgState: string
  gitConfig: string
  /** Runner internals: block scripts, shell state, logs. */
  run: string
  /** The shell state carried from block to block (and chapter to chapter). */
  stateFile: string
  /** Bound at /tmp and /var/tmp in mode bwrap: private to the sandbox,
   * kept across blocks. */
  slashTmp: string
  slashVarTmp: string
}

/**
 * Machine plumbing a step needs to reach the network the way the user's own
 * tools do (proxies, the company CA bundle, a wheel mirror). None of these
 * carry credentials; cloud and forge variables are never on this list.
 */
export const passThroughEnv: readonly string[] = [
  'PATH',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'GIT_SSL_CAINFO',
  'NODE_EXTRA_CA_CERTS',
  'PIP_CERT',
  'PIP_INDEX_URL',
  'PIP_FIND_LINKS',
  'PIP_DEFAULT_TIMEOUT'
]

/** The passed-through variables that name a file of trusted certificates
 * (the company CA bundle): the sandbox binds each such file back where a
 * hidden home or the private /run would hide it. */
export const certificateFileEnv: readonly string[] = ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'GIT_SSL_CAINFO', 'NODE_EXTRA_CA_CERTS', 'PIP_CERT']

/** A fixed instant so commit hashes and `git log` dates repeat run to run. */
export const pinnedGitDate = '2024-01-01T00:00:00Z'

/** The shared pip cache: downloads are reused across runs (never credentials). */
export function defaultPipCacheDir(parentEnv: Readonly<Record<string, string | undefined>>): string {
  const cache = parentEnv.XDG_CACHE_HOME || path.join(parentEnv.HOME || '/tmp', '.cache')
  return path.join(cache, 'docs-verify', 'pip')
}

/**
 * The environment of every step, built from an allowlist: the user's cloud
 * and forge credentials (GOOGLE_APPLICATION_CREDENTIALS, CLOUDSDK_*, AWS_*,
 * GITHUB_TOKEN, SSH_AUTH_SOCK, ...) are simply never copied, and HOME points
 * into the sandbox so `~/.config/gcloud` is the sandbox's, not the user's.
 */
export function buildSandboxEnv(
  paths: SandboxPaths,
  parentEnv: Readonly<Record<string, string | undefined>>,
  options: {extraEnv?: Record<string, string>; passEnv?: readonly string[]; pipCacheDir?: string} = {}
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of [...passThroughEnv, ...(options.passEnv ?? [])]) {
    const value = parentEnv[name]
    if (value !== undefined) env[name] = value
  }
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin'
  Object.assign(env, {
    HOME: paths.home,
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    TERM: 'dumb',
    NO_COLOR: '1',
    TMPDIR: paths.tmp,
    XDG_CONFIG_HOME: paths.xdgConfig,
    XDG_CACHE_HOME: paths.xdgCache,
    XDG_DATA_HOME: paths.xdgData,
    XDG_STATE_HOME: paths.xdgState,
    PAGER: 'cat',
    GIT_PAGER: 'cat',
    GIT_EDITOR: 'true',
    EDITOR: 'true',
    VISUAL: 'true',
    // `dvc plots diff --open` and the like open a page for the learner to
    // look at; nobody looks here, and no browser may start in the sandbox.
    BROWSER: 'true',
    GIT_CONFIG_GLOBAL: paths.gitConfig,
    // /etc/gitconfig differs between machines; the sandbox's identity rules.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: pinnedGitDate,
    GIT_COMMITTER_DATE: pinnedGitDate,
    // A prompt would hang with stdin closed; fail fast instead.
    GIT_TERMINAL_PROMPT: '0',
    CLOUDSDK_CONFIG: paths.gcloud,
    PIP_CACHE_DIR: options.pipCacheDir ?? defaultPipCacheDir(parentEnv),
    PIP_DISABLE_PIP_VERSION_CHECK: '1'
  })
  Object.assign(env, options.extraEnv ?? {})
  return env
}
