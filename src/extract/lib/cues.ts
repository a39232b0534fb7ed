/**
 * Phrases of the guide that give a code block its meaning: the terminal
 * title of runnable blocks, file-path titles, the prose that introduces an
 * expected output, and the prose that says how a file block applies.
 */
import type {FileMode} from '../../plan/types.js'

const commandTitle = /^execute the following commands?(?:\(s\))? in (?:a|an|the) ?(?:(second|separate|another|new|other|first|same)\s+)?terminal/i

/** `{concurrent}` when the title asks to run the block in a terminal. */
export function commandTitleCue(title: string | undefined): {concurrent: boolean} | undefined {
  if (title === undefined) return undefined
  const match = commandTitle.exec(title.trim())
  if (!match) return undefined
  const which = (match[1] ?? '').toLowerCase()
  return {concurrent: which === 'second' || which === 'separate' || which === 'another' || which === 'new' || which === 'other'}
}

const pathTitle = /^[\w.@+~-]+(?:\/[\w.@+~-]+)*\/?$/
const bareFileNames = new Set(['dockerfile', 'containerfile', 'makefile', 'procfile', 'jenkinsfile', 'vagrantfile', 'gemfile', 'license', 'readme', 'justfile', 'caddyfile'])

/** Whether a fence title names a file (`requirements.txt`, `.github/workflows/x.yaml`). */
export function looksLikePath(title: string | undefined): boolean {
  if (title === undefined) return false
  const trimmed = title.trim()
  if (!pathTitle.test(trimmed) || trimmed.endsWith('/')) return false
  const base = trimmed.split('/').pop() ?? ''
  return trimmed.includes('/') || base.includes('.') || bareFileNames.has(base.toLowerCase())
}

export type ExpectTarget = 'output' | 'tree'

/** The expected-output cue in a paragraph, if it introduces one. */
export function expectCue(prose: string): {target: ExpectTarget; command?: string} | undefined {
  const text = prose.replace(/\s+/g, ' ').trim()
  if (/working directory should (?:now )?look (?:similar to|like)(?: this)?\s*:?$/i.test(text)) return {target: 'tree'}
  const output = /\boutput\b(?: of (?:the )?`([^`]+)`(?: command)?)?[^.]*?\bshould (?:be similar to|look (?:similar to|like)|resemble)(?: this| the following)?\s*:?$/i.exec(text)
  if (!output) return undefined
  return output[1] === undefined ? {target: 'output'} : {target: 'output', command: output[1]}
}

const partialCues: RegExp[] = [
  /\b(?:add|insert|append|prepend)\b[^.]*\b(?:after|before|below|above|at the (?:end|beginning|top|bottom)|to the (?:end|top|bottom))\b/i,
  /\breplace\b[^.]*\b(?:function|method|class|line|lines|section|block|step|job|import|imports|constant|definition)\b/i,
  /\bupdate\b[^.]*\b(?:function|method|class|section|step|job|constant|definition)\b/i,
  /\b(?:following|these) (?:changes|lines)\b/i
]
const displayCues: RegExp[] = [
  /\b(?:generate[sd]?|created? automatically|automatically (?:creates?|generates?))\b/i,
  /\bshould (?:now )?(?:look|be similar)\b/i,
  /\b(?:will|would) look like\b/i,
  /\blooks? like this\b/i,
  /\bcontent of\b[^.]*\bis\b/i
]

/** Decide how a file block applies from the prose right before it. */
export function fileModeCue(prose: string | undefined): {mode: FileMode; reason: string} {
  if (prose === undefined) return {mode: 'full', reason: 'no prose before the block: a titled file block gives the whole file'}
  const text = prose.replace(/\s+/g, ' ').trim()
  const quote = text.length > 120 ? `${text.slice(0, 117)}...` : text
  for (const cue of displayCues) if (cue.test(text)) return {mode: 'display', reason: `prose "${quote}" says the file is shown, not written`}
  for (const cue of partialCues) if (cue.test(text)) return {mode: 'partial', reason: `prose "${quote}" describes a change inside the file`}
  return {mode: 'full', reason: `prose "${quote}" has no partial or display cue: the block is the whole file`}
}
