import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import type {TrackedMd5} from './effects-dvc-pushed.js'

// Every scalar as a string: an md5 of digits (and one `e`) would else parse as a number.
const FAILSAFE = {schema: 'failsafe'} as const

const IGNORED_DIRS = new Set(['.git', '.dvc', 'node_modules', '.venv', 'venv', '__pycache__'])

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function dvcFiles(dir: string, depth = 0): string[] {
  if (depth > 6) return []
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return []
  }
  const found: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && !IGNORED_DIRS.has(entry.name)) found.push(...dvcFiles(full, depth + 1))
    else if (entry.isFile() && entry.name.endsWith('.dvc')) found.push(full)
  }
  return found
}

type Out = {md5?: unknown; path?: unknown}

function outsOf(value: unknown): Out[] {
  return Array.isArray(value) ? (value.filter((o) => o && typeof o === 'object') as Out[]) : []
}

/**
 * Every md5 `dvc push` should upload for a repo: outputs of `*.dvc` files
 * and `dvc.lock`, plus the files listed in each directory's `.dir` entry of
 * the local cache (when the cache has it).
 */
export function readTrackedMd5s(repoDir: string): TrackedMd5[] {
  const tracked: TrackedMd5[] = []
  const add = (out: Out, base: string): void => {
    if (typeof out.md5 !== 'string' || typeof out.path !== 'string') return
    tracked.push({md5: out.md5, path: path.posix.join(base, out.path)})
  }
  for (const file of dvcFiles(repoDir)) {
    let doc: unknown
    try {
      doc = parse(readText(file) ?? '', FAILSAFE)
    } catch {
      continue
    }
    const base = path.relative(repoDir, path.dirname(file)).split(path.sep).join('/')
    for (const out of outsOf((doc as {outs?: unknown})?.outs)) add(out, base)
  }
  const lock = readText(path.join(repoDir, 'dvc.lock'))
  if (lock) {
    try {
      const stages = (parse(lock, FAILSAFE) as {stages?: Record<string, {outs?: unknown}>})?.stages ?? {}
      for (const stage of Object.values(stages)) for (const out of outsOf(stage?.outs)) add(out, '')
    } catch {
      // A broken dvc.lock is DVC's error to report, not ours.
    }
  }
  const withEntries: TrackedMd5[] = []
  const seen = new Set<string>()
  const push = (t: TrackedMd5): void => {
    if (seen.has(t.md5)) return
    seen.add(t.md5)
    withEntries.push(t)
  }
  for (const t of tracked) {
    push(t)
    if (!t.md5.endsWith('.dir')) continue
    const listing = readText(path.join(repoDir, '.dvc', 'cache', 'files', 'md5', t.md5.slice(0, 2), t.md5.slice(2)))
    if (!listing) continue
    try {
      for (const entry of JSON.parse(listing) as {md5?: string; relpath?: string}[]) {
        if (typeof entry.md5 === 'string') push({md5: entry.md5, path: t.path ? `${t.path}/${entry.relpath ?? ''}` : entry.relpath})
      }
    } catch {
      // Not a listing; the .dir object itself is still checked.
    }
  }
  return withEntries
}

/** A DVC remote as configured (`.dvc/config`, overridden by `.dvc/config.local`). */
export interface DvcRemote {
  name: string
  url?: string
  endpointurl?: string
  isDefault: boolean
}

function parseDvcConfig(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[\s*'?(.*?)'?\s*\]$/.exec(line)
    if (header) {
      const name = (header[1] ?? '').replace(/\s+/g, ' ')
      current = sections.get(name) ?? new Map()
      sections.set(name, current)
      continue
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
    if (pair && current) current.set(pair[1] ?? '', pair[2] ?? '')
  }
  return sections
}

/** The remotes a DVC repo defines, local config winning. */
export function readDvcRemotes(repoDir: string): DvcRemote[] {
  const merged = new Map<string, Map<string, string>>()
  for (const file of ['config', 'config.local']) {
    const text = readText(path.join(repoDir, '.dvc', file))
    if (!text) continue
    for (const [name, values] of parseDvcConfig(text)) {
      const into = merged.get(name) ?? new Map()
      for (const [k, v] of values) into.set(k, v)
      merged.set(name, into)
    }
  }
  const defaultName = merged.get('core')?.get('remote')
  const remotes: DvcRemote[] = []
  for (const [section, values] of merged) {
    const match = /^remote "(.*)"$/.exec(section)
    if (!match) continue
    const name = match[1] ?? ''
    remotes.push({name, url: values.get('url'), endpointurl: values.get('endpointurl'), isDefault: name === defaultName})
  }
  return remotes
}
