/**
 * Read the `nav` of `mkdocs.yml` (YAML with `!!python/name:` and `!ENV`
 * tags, which a plain loader rejects) or of `zensical.toml` (`[project]
 * nav`, same shape): pages in order, with their nav sections and lines.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml'
import type {Node as YamlNode} from 'yaml'
import {parse as parseToml} from 'smol-toml'
import type {NavPage} from './types.js'

export interface NavConfig {
  docsDir: string
  /** Undefined when the config has no nav. */
  pages?: NavPage[]
}

/** Parse mkdocs.yml text. Throws with a line when the YAML is broken. */
export function readMkdocsNav(text: string): NavConfig {
  const lineCounter = new LineCounter()
  // Unknown tags (`!!python/name:...`, `!ENV`) stay warnings: their values are never needed here.
  const document = parseDocument(text, {lineCounter, logLevel: 'silent', uniqueKeys: false})
  const error = document.errors[0]
  if (error) {
    const line = error.linePos?.[0]?.line
    throw Object.assign(new Error(error.message.split('\n')[0] ?? error.message), {line})
  }
  const docsDir = document.get('docs_dir')
  const nav = document.get('nav', true) as YamlNode | undefined
  const config: NavConfig = {docsDir: typeof docsDir === 'string' ? docsDir : 'docs'}
  if (!nav) return config
  const pages: NavPage[] = []
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined
  const walk = (node: unknown, section: string[], title?: string, line?: number): void => {
    if (isSeq(node)) {
      for (const item of node.items) walk(item, section)
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined
        const value = pair.value
        const keyLine = lineOf(pair.key as YamlNode)
        if (isSeq(value)) walk(value, key === undefined ? section : [...section, key])
        else walk(value, section, key, keyLine)
      }
    } else if (isScalar(node) && typeof node.value === 'string') {
      const page: NavPage = {path: node.value, section}
      if (title !== undefined) page.title = title
      const at = line ?? lineOf(node)
      if (at !== undefined) page.line = at
      pages.push(page)
    }
  }
  walk(nav, [])
  config.pages = pages
  return config
}

/** Parse zensical.toml text. Throws with a line when the TOML is broken. */
export function readZensicalNav(text: string): NavConfig {
  let data: Record<string, unknown>
  try {
    data = parseToml(text) as Record<string, unknown>
  } catch (error) {
    const line = (error as {line?: number}).line
    throw Object.assign(new Error(String((error as Error).message).split('\n')[0]), {line})
  }
  const project = (data.project ?? {}) as Record<string, unknown>
  const config: NavConfig = {docsDir: typeof project.docs_dir === 'string' ? project.docs_dir : 'docs'}
  if (!Array.isArray(project.nav)) return config
  const pages: NavPage[] = []
  const lines = text.split(/\r?\n/)
  let searchFrom = 0
  // TOML parsers give no positions: find each path's line in order of appearance.
  const lineOf = (path: string): number | undefined => {
    for (let i = searchFrom; i < lines.length; i++) {
      if (lines[i]!.includes(`"${path}"`) || lines[i]!.includes(`'${path}'`)) {
        searchFrom = i
        return i + 1
      }
    }
    return undefined
  }
  const walk = (node: unknown, section: string[], title?: string): void => {
    if (Array.isArray(node)) for (const item of node) walk(item, section)
    else if (typeof node === 'string') {
      const page: NavPage = {path: node, section}
      if (title !== undefined) page.title = title
      const line = lineOf(node)
      if (line !== undefined) page.line = line
      pages.push(page)
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (Array.isArray(value)) walk(value, [...section, key])
        else walk(value, section, key)
      }
    }
  }
  walk(project.nav, [])
  config.pages = pages
  return config
}
