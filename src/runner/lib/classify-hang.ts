import type {HangInfo} from './types.js'
import {listeningPorts} from '../../process/index.js'

/** Prompts that wait for the learner, tested on the last line of output. */
const promptPatterns: {pattern: RegExp; needsOpenLine: boolean}[] = [
  {pattern: /[[(]\s*(y\/n|yes\/no)\s*[\])]\s*[:?]?\s*$/i, needsOpenLine: false},
  {pattern: /\bpass(word|phrase)[^:\n]*:\s*$/i, needsOpenLine: false},
  {pattern: /^\s*(enter|type|paste|input)\b.*[:?]\s*$/i, needsOpenLine: false},
  {pattern: /press (enter|return|any key)/i, needsOpenLine: false},
  // A bare `?` or `:` only counts when the cursor stays on the line.
  {pattern: /[?:>]\s*$/, needsOpenLine: true}
]

/** Output that says a server runs in the foreground. */
const serverPattern =
  /\b(listening|serving|running|started|available)\b[^\n]*\b(on|at)\b[^\n]*(port\s*\d+|:\d{2,5}\b|https?:\/\/)/i

function lastLine(output: string): {text: string; open: boolean} {
  const open = output.length > 0 && !output.endsWith('\n')
  const lines = output.replace(/\n+$/, '').split('\n')
  return {text: lines.at(-1) ?? '', open}
}

/**
 * Say why a block had to be killed: it waits for input (its last output is
 * a prompt), it is a server in the foreground (a process of its group listens
 * on a TCP port, or its output says it serves), or it is simply still busy.
 * `pids` must be the group's live processes, read before they are killed.
 */
export function classifyHang(input: {
  output: string
  pids: readonly number[]
  line: number
  command: string
}): HangInfo {
  const base = {line: input.line, command: input.command}
  const ports = listeningPorts(input.pids)
  if (ports.length > 0) {
    return {...base, reason: 'foreground-server', evidence: `listening on TCP port ${ports.join(', ')}`, ports}
  }
  const last = lastLine(input.output)
  for (const {pattern, needsOpenLine} of promptPatterns) {
    if (last.text.trim() !== '' && pattern.test(last.text) && (!needsOpenLine || last.open)) {
      return {...base, reason: 'waiting-for-input', evidence: `last output is a prompt: ${JSON.stringify(last.text.trim())}`}
    }
  }
  const tail = input.output.slice(-4000)
  const serverLine = tail.split('\n').reverse().find((text) => serverPattern.test(text))
  if (serverLine !== undefined) {
    return {...base, reason: 'foreground-server', evidence: `output says it serves: ${JSON.stringify(serverLine.trim())}`}
  }
  return {...base, reason: 'still-running', evidence: 'no prompt in the output and no listening socket'}
}
