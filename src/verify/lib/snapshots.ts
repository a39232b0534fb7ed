import {mkdtemp, readdir, rename, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {openSnapshotStore, planChain, snapshotKey} from '../../cache/index.js'
import type {SnapshotStore} from '../../cache/index.js'
import type {Sandbox} from '../../runner/index.js'
import {version} from '../../version.js'
import type {ChainLink} from './run-chain.js'
import {reapOnKill, releaseOnKill} from '../../process/index.js'
import {relocateTree} from './relocate-tree.js'
import {InputError} from './input-error.js'

/** What decides a chapter's end state: the steps as they run (text after
 * placeholders and stand-ins), not the prose around them. */
function linkInputs(link: ChainLink): unknown {
  const {plan, variant, placeholders, steps} = link.prepared
  return {
    file: path.basename(plan.file),
    variant: variant.id,
    placeholders,
    steps: steps.map(({step, text}) => ({kind: step.kind, text, ...(step.kind === 'file' ? {path: step.path, mode: step.mode} : {})}))
  }
}

/** Chained content keys of a chain's chapters: editing chapter N changes
 * the keys of N and every chapter after it. */
export function chainSnapshotKeys(links: readonly ChainLink[]): string[] {
  const keys: string[] = []
  let parentKey: string | null = null
  for (const link of links) {
    const key = snapshotKey({plan: linkInputs(link), config: link.config, parentKey, salt: `docs-verify ${version}`})
    keys.push(key)
    parentKey = key
  }
  return keys
}

export interface ChainCache {
  store: SnapshotStore
  keys: string[]
  /** Index of the newest chapter restored from a snapshot, or -1. */
  restoreIndex: number
}

/** Where a chain can resume: the newest chapter whose snapshot is valid. */
export async function planChainCache(links: readonly ChainLink[], store: SnapshotStore): Promise<ChainCache> {
  const keys = chainSnapshotKeys(links)
  const plan = await planChain(
    links.map((link, index) => ({slug: link.prepared.plan.slug, key: keys[index]!})),
    store
  )
  return {store, keys, restoreIndex: plan.restoreFrom === null ? -1 : keys.indexOf(plan.restoreFrom.key)}
}

/** The variable that sets the snapshot store's size cap. */
export const cacheMaxVariable = 'DOCS_VERIFY_CACHE_MAX'

const sizeUnits: Record<string, number> = {'': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4}

/** `20G`, `500M`, `1.5G` or bytes: a guide whose chapters each hold a large
 * virtualenv needs more than the default cap, a small disk less. */
export function parseCacheMax(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(value)
  const bytes = match ? Math.floor(Number(match[1]) * sizeUnits[match[2]!.toUpperCase()]!) : NaN
  if (!Number.isFinite(bytes) || bytes <= 0) {
    throw new InputError(`${cacheMaxVariable}=${value} is not a size: write bytes or a number with K, M, G or T (${cacheMaxVariable}=20G)`)
  }
  return bytes
}

/** The user's snapshot store: `$XDG_CACHE_HOME/docs-verify/snapshots`,
 * capped by DOCS_VERIFY_CACHE_MAX when set. */
export function userSnapshotStore(env: Readonly<Record<string, string | undefined>>): SnapshotStore {
  const cache = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache')
  const max = env[cacheMaxVariable]
  return openSnapshotStore({dir: path.join(cache, 'docs-verify', 'snapshots'), ...(max ? {maxBytes: parseCacheMax(max)} : {})})
}

/** What a sandbox holds for the live run only: the network gate's sockets
 * (`net/`), which the run's steps reach the registries and stand-ins
 * through. A restore neither removes nor replaces them. */
const runOwned = new Set(['net'])

/** Replace a fresh sandbox's content with a snapshot's, moved to the new
 * path. */
export async function restoreSandbox(cache: ChainCache, sandbox: Sandbox): Promise<boolean> {
  if (cache.restoreIndex < 0) return false
  const key = cache.keys[cache.restoreIndex]!
  const info = await cache.store.info(key)
  if (info === null) return false
  const staging = await mkdtemp(`${sandbox.root}.restore-`)
  reapOnKill({dir: staging})
  try {
    // The store rewrites the saved root's path while copying (only in the
    // files the save marked); an older snapshot is walked afterwards.
    if (!(await cache.store.restore(key, staging, {relocateTo: sandbox.root}))) return false
    for (const name of await readdir(sandbox.root)) if (!runOwned.has(name)) await rm(path.join(sandbox.root, name), {recursive: true, force: true})
    for (const name of await readdir(staging)) if (!runOwned.has(name)) await rename(path.join(staging, name), path.join(sandbox.root, name))
    if (!info.relocatable) await relocateTree(sandbox.root, info.sourceDir, sandbox.root)
    return true
  } finally {
    await rm(staging, {recursive: true, force: true})
    releaseOnKill({dir: staging})
  }
}

/** Save the sandbox after the chapter at `index` passed. */
export async function saveSandbox(cache: ChainCache, sandbox: Sandbox, index: number, slug: string): Promise<void> {
  await cache.store.save(cache.keys[index]!, sandbox.root, {slug})
}
