/**
 * Runs a CommonJS bundle (scripts/bundle-cli.js: the commands) the way
 * `require` would, but from V8 code cached on disk by an earlier run.
 *
 * Why not only Node's compile cache (module.enableCompileCache, which
 * bin.ts turns on for the ES modules): it stores what V8 compiled before a
 * module ran, little more than each module's top level, so every function a
 * command calls was compiled again on every start. A cache made when a run
 * ends holds those functions too: about a fifth of a cold `--dry-run`'s CPU
 * (bench/package.js, "cache written" vs "cache off" and "first run").
 *
 * Where: `docs-verify/` in Node's compile cache folder ($NODE_COMPILE_CACHE,
 * else <tmpdir>/node-compile-cache), so NODE_DISABLE_COMPILE_CACHE=1, or a
 * Node without the compile cache (< 22.8), turns this one off too. One file
 * per bundle (its name holds the bundle's content hash), kind of run and
 * Node version; V8 also checks the V8 version and flags and rejects a
 * mismatch, which is then written again. Written when a run that did its
 * job (exit code 0 or 1) ends and found no usable cache, to a temporary
 * name then renamed; caches unused for a week go. Used only from a folder
 * of this user's that no one else may write (the cache is code this
 * process runs). A folder that cannot be written only costs speed.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import module, {createRequire} from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

const unusedCachesKeptMs = 7 * 24 * 60 * 60 * 1000

export interface CodeCacheOptions {
  /** The folder of the cache files; undefined: no cache. */
  dir: string | undefined
  /** What kind of run this is (`verify-dry-run`): a run caches the
   * functions it called, so each kind has its own cache. */
  kind: string
}

/** Node's compile cache folder's `docs-verify/`, when Node's cache is on. */
export function defaultCodeCacheDir(): string | undefined {
  const nodeCache = module.getCompileCacheDir?.()
  return nodeCache === undefined ? undefined : path.join(nodeCache, 'docs-verify')
}

/** `file`'s `module.exports`, run from the code cache where one fits. */
export function runCodeCachedScript(file: string, {dir, kind}: CodeCacheOptions): Record<string, unknown> {
  const cacheFile = dir !== undefined && usableFolder(dir) ? path.join(dir, `${path.basename(file, '.cjs')}-${kind}-${process.version}-${process.arch}.v8`) : undefined
  let cachedData: Buffer | undefined
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile)
    } catch {
      // None yet.
    }
  }
  // The wrapper require() puts around a CommonJS file (module.wrap, which
  // Node does not document).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n});`
  const script = new vm.Script(wrapped, {
    filename: file,
    ...(cachedData === undefined ? {} : {cachedData})
  })
  const loaded = {exports: {} as Record<string, unknown>}
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void
  run(loaded.exports, createRequire(file), loaded, file, path.dirname(file))
  if (cacheFile === undefined) return loaded.exports
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', (code) => {
      if (code === 0 || code === 1) saveCodeCache(cacheFile, script)
    })
  } else {
    markUsed(cacheFile)
  }
  return loaded.exports
}

/** Ours, and writable by no one else; made so when missing. */
function usableFolder(dir: string): boolean {
  try {
    mkdirSync(dir, {recursive: true, mode: 0o700})
    const stat = statSync(dir)
    return stat.isDirectory() && (process.getuid === undefined || stat.uid === process.getuid()) && (stat.mode & 0o022) === 0
  } catch {
    return false
  }
}

function saveCodeCache(cacheFile: string, script: vm.Script): void {
  try {
    const partial = `${cacheFile}.${process.pid}.partial`
    writeFileSync(partial, script.createCachedData(), {mode: 0o600})
    renameSync(partial, cacheFile)
    const now = Date.now()
    for (const name of readdirSync(path.dirname(cacheFile))) {
      const other = path.join(path.dirname(cacheFile), name)
      if (other !== cacheFile && now - statSync(other).mtimeMs > unusedCachesKeptMs) rmSync(other, {force: true})
    }
  } catch {
    // A cache that cannot be written (read-only folder, full disk) only costs speed.
  }
}

/** Its mtime is when it was last used: a week unused removes it. */
function markUsed(cacheFile: string): void {
  try {
    const now = Date.now() / 1000
    utimesSync(cacheFile, now, now)
  } catch {
    // Read-only: it stays until it is rejected.
  }
}
