import fs from 'node:fs'
import {commandAtLine} from './block-lines.js'

/**
 * The files around one block run: the block as bash reads it, and what the
 * wrapper leaves behind (its result, the line running, the saved state).
 */

/** Exit status, failure and directory the wrapper wrote at the end of a block. */
export interface WrapperResult {
  code: number | null
  failStatus: number | null
  failLine: number | null
  cwd: string | null
  failCommand: string
}

/** Read the result file; undefined when the wrapper never got to write it. */
export function readWrapperResult(file: string): WrapperResult | undefined {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const [code = '', failStatus = '', failLine = '', cwd = '', ...rest] = text.split('\n')
  const number = (value: string): number | null => (value === '' ? null : Number(value))
  return {
    code: number(code),
    failStatus: number(failStatus),
    failLine: number(failLine),
    cwd: cwd === '' ? null : cwd,
    failCommand: rest.join('\n').replace(/\n$/, '')
  }
}

/** Bash names the sourced block file in its own messages
 * (`/tmp/.../007-command@12.sh: line 2: x: command not found`); a learner
 * sees `bash: line 2: ...`, and a sandbox path would never match a doc. */
export function asTyped(text: string, blockFile: string): string {
  return text.replaceAll(`${blockFile}: `, 'bash: ')
}

/** The block as bash should read it: CRLF from a Windows checkout would
 * leave a `\r` on every command. */
export function withFinalNewline(text: string): string {
  const unix = text.replace(/\r\n/g, '\n')
  return unix.endsWith('\n') ? unix : `${unix}\n`
}

/** The line the DEBUG trap last wrote: `LINENO<TAB>command`. */
export function readRunningLine(file: string, blockText: string): {line: number; command: string} {
  let text = ''
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    // The block had not started a command yet.
  }
  const tab = text.indexOf('\t')
  const line = tab > 0 ? Number(text.slice(0, tab)) : 1
  const written = commandAtLine(blockText, line)
  return {line: written.line, command: written.text}
}

/** The directory a state file will `cd` to, if any. */
export function readCwdFromState(stateFile: string): string | undefined {
  let text: string
  try {
    text = fs.readFileSync(stateFile, 'utf8')
  } catch {
    return undefined
  }
  const match = /^cd -- (\S+) 2>\/dev\/null/m.exec(text)
  // %q quoting only matters for unusual names; plain paths read back as is.
  return match?.[1] && !/[\\'"$]/.test(match[1]) && fs.existsSync(match[1]) ? match[1] : undefined
}
