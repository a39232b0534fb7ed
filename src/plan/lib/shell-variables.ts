/**
 * Which shell variables a command block binds (`export X=...`, `X=...`,
 * `for X in`) and reads (`$X`, `${X}`). Enough of shell syntax for tutorial
 * blocks: comments, single quotes and `\` continuations; no heredocs occur.
 */
import type {VariableUse} from '../types.js'

/** Blank out comments and single-quoted strings, keeping line/columns. */
export function maskShell(text: string): string {
  let out = ''
  let quote: '"' | "'" | undefined
  let comment = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '\n') {
      comment = false
      out += '\n'
      continue
    }
    if (comment) {
      out += ' '
      continue
    }
    if (quote === "'") {
      if (char === "'") quote = undefined
      out += ' '
      continue
    }
    if (char === '\\' && text[i + 1] !== '\n' && text[i + 1] !== undefined) {
      // An escaped character is literal: `\$X` reads nothing.
      out += '  '
      i++
      continue
    }
    if (quote === '"') {
      if (char === '"') quote = undefined
      out += char
      continue
    }
    if (char === "'") {
      quote = "'"
      out += ' '
      continue
    }
    if (char === '"') quote = '"'
    if (char === '#' && (i === 0 || /[\s;&|(]/.test(text[i - 1]!))) {
      comment = true
      out += ' '
      continue
    }
    out += char
  }
  return out
}

const declarators = new Set(['export', 'declare', 'local', 'readonly', 'typeset'])

/** Names assigned at a command position or exported. */
export function findBinds(text: string): string[] {
  // Placeholders hold spaces (`<my project id>`): one word for the split below.
  const masked = maskShell(text)
    .replace(/\\\n/g, ' ')
    .replace(/<[A-Za-z][^<>\n]*>/g, (placeholder) => placeholder.replace(/\s/g, '_'))
  const binds: string[] = []
  const add = (name: string): void => {
    if (!binds.includes(name)) binds.push(name)
  }
  for (const segment of masked.split(/\n|;|&&|\|\||\||&|\(|\)|`|\$\(/)) {
    const words = segment.trim().split(/\s+/).filter(Boolean)
    let index = 0
    if (words[0] === 'for' && words[2] === 'in' && /^[A-Za-z_]\w*$/.test(words[1] ?? '')) {
      add(words[1]!)
      continue
    }
    if (words[0] === 'read') {
      for (const word of words.slice(1)) if (/^[A-Za-z_]\w*$/.test(word)) add(word)
      continue
    }
    const declaring = declarators.has(words[0] ?? '')
    if (declaring) index = 1
    for (; index < words.length; index++) {
      const word = words[index]!
      const assignment = /^([A-Za-z_]\w*)=/.exec(word)
      if (assignment) add(assignment[1]!)
      else if (declaring && /^[A-Za-z_]\w*$/.test(word)) add(word)
      else if (!declaring || !word.startsWith('-')) break
    }
  }
  return binds
}

/** `$X` / `${X}` reads, with the line of each (relative to `firstLine`). */
export function findUses(text: string, firstLine: number): VariableUse[] {
  const masked = maskShell(text)
  const uses: VariableUse[] = []
  const lines = masked.split('\n')
  for (let i = 0; i < lines.length; i++) {
    for (const match of lines[i]!.matchAll(/\$(?:\{([A-Za-z_]\w*)|([A-Za-z_]\w*))/g)) {
      const name = match[1] ?? match[2]!
      if (!uses.some((use) => use.name === name)) uses.push({name, line: firstLine + i})
    }
  }
  return uses
}
