/**
 * Phrases of the guide that give a code block its meaning: the terminal
 * title of runnable blocks, file-path titles, the prose that introduces an
 * expected output, and the prose that says how a file block applies.
 */
import type {FileMode} from '../types.js'

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

/** Sentences of a paragraph, whitespace folded; inline code kept whole. */
function sentences(prose: string): string[] {
  const text = prose.replace(/\s+/g, ' ').trim()
  const out: string[] = []
  let start = 0
  let inCode = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '`') inCode = !inCode
    else if (!inCode && /[.:!?]/.test(char) && (i + 1 === text.length || text[i + 1] === ' ')) {
      out.push(text.slice(start, i + 1).trim())
      start = i + 1
    }
  }
  if (start < text.length) out.push(text.slice(start).trim())
  return out.filter((sentence) => sentence !== '')
}

const treeCue = /\bworking directory should (?:now )?(?:look (?:similar to|like)|be similar to|resemble)\b/i
const outputCues: RegExp[] = [
  // "The output (of the `git status` command) should be similar to this." / "... look like this:"
  /\boutput\b(?: of (?:the |this )?`([^`]+)`(?: command)?)?[^.:]*?\bshould (?:be similar to|look (?:similar to|like)|resemble|be)\b(?: this| the following)?/i,
  // "When executing this command, the following output occurs:"
  /\bthe following output (?:occurs|appears|is (?:printed|shown|displayed))\b/i,
  // "... you should see the following output:"
  /\byou should (?:see|get) (?:the following|this|an?) output\b/i
]

/**
 * The expected-output cue of the paragraph right before a block, if it
 * introduces one: any sentence of it may carry the cue ("The output should
 * be similar to this. You can safely ignore the message:").
 */
export function expectCue(prose: string): {target: ExpectTarget; command?: string; sentence: string} | undefined {
  for (const sentence of sentences(prose)) {
    if (treeCue.test(sentence)) return {target: 'tree', sentence}
    for (const cue of outputCues) {
      const match = cue.exec(sentence)
      if (!match) continue
      return match[1] === undefined ? {target: 'output', sentence} : {target: 'output', command: match[1], sentence}
    }
  }
  return undefined
}

/** "Try to run the command again and notice ...": output of a run the doc does not show as a block. */
export function againCue(prose: string): string | undefined {
  return sentences(prose).find((sentence) => /\b(?:run|execute) (?:the|this|that) (?:command|pipeline|experiment) (?:again|a second time)\b/i.test(sentence))
}

/** "As a reminder, the current steps to run the experiment are as follow:":
 * commands of an earlier chapter shown again, not asked to be run. */
export function reminderCue(prose: string): string | undefined {
  return sentences(prose).find((sentence) => /\b(?:as a reminder|to recall|recall that|remember that)\b[^.]*\b(?:steps?|commands?)\b/i.test(sentence))
}

/** "Spoiler, it will fail:": the doc announces that the next command fails.
 * "Change the name if the command fails" is a condition, not an announcement. */
export function failureCue(prose: string): string | undefined {
  return sentences(prose).find(
    (sentence) =>
      !/\b(?:if|when|unless|in case)\b[^.]*\bfails?\b/i.test(sentence) &&
      /\b(?:(?:it|this|that|the command|this command)\s+(?:will|should|is going to|is expected to|is meant to)\s+fail|(?:expected|meant) to fail|(?:will|should) (?:return|print|show|raise|give you) an error)\b/i.test(sentence)
  )
}

/** "Another member of your team can easily clone ...": someone else runs it,
 * on their machine. "Your colleague provided you the URL" is not: the
 * learner runs that one. */
export function someoneElseCue(prose: string): string | undefined {
  return sentences(prose).find((sentence) =>
    /\b(?:another (?:member of (?:the|your) team|team member|teammate|colleague|developer|user)|(?:on|from) (?:another|a different|their own|a second) (?:machine|computer)|(?:your )?(?:teammates?|colleagues?) (?:can|could|will|would|may|might|run|runs|clone|clones|pull|pulls)\b)/i.test(sentence)
  )
}

/** "With the help of DVC, they can also ...": continues a someone-else paragraph. */
export function continuesSomeoneElse(prose: string): boolean {
  return /\b(?:they|them|their)\b/i.test(prose) && !/\byou\b/i.test(prose.replace(/\byour\b/gi, ''))
}

const partialCues: RegExp[] = [
  /\b(?:add|insert|append|prepend)\b[^.]*\b(?:after|before|below|above|at the (?:end|beginning|top|bottom)|to the (?:end|top|bottom))\b/i,
  /\breplace\b[^.]*\b(?:function|method|class|line|lines|section|block|step|job|import|imports|constant|definition)\b/i,
  /\bupdate\b[^.]*\b(?:function|method|class|section|step|job|constant|definition)\b/i,
  /\b(?:following|these) (?:changes|lines)\b/i
]
const displayCues: RegExp[] = [
  // "Notice that DVC also updated the .gitignore file:": a tool wrote it.
  /\bnotice (?:that|how)\b[^.]*\b(?:updated|created|generated|modified|changed|wrote|added)\b/i,
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
