import fs from 'node:fs'

/**
 * The files around the shell: the block as bash reads it, its name in bash's
 * messages, and the saved state a new shell starts from.
 */

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
