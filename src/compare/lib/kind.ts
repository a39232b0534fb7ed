/**
 * Deciding how an expected block is read: by the command that printed it,
 * else by the fence language, else by what the block itself looks like.
 */

import type {ComparisonKind} from './types.js'

/** The last command of a block: comments and blank lines skipped,
 * backslash continuations joined, `&&`/`;`/`|` chains split. */
export function lastCommand(block: string): string | undefined {
  const joined = block.replace(/\\\r?\n/g, ' ')
  const commands = joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .flatMap((line) => line.split(/&&|\|\||;/))
    .map((command) => command.trim())
    .filter(Boolean)
  return commands.at(-1)
}

/** The program name of a command (`git`, `dvc`), for messages. */
export function programOf(command: string | undefined): string | undefined {
  const words = command?.split(/\s+/).filter((word) => !/^\w+=/.test(word)) ?? []
  return words[0]?.split('/').at(-1)
}

/** Pick the comparison kind for an expected block. */
export function detectKind(expected: string, options: {command?: string; lang?: string}): ComparisonKind {
  const command = options.command === undefined ? undefined : lastCommand(options.command)
  if (command) {
    // `git -C dir status`, `git --no-pager diff`: skip global options.
    const git = /^git\s+(?:(?:-C\s+\S+|-c\s+\S+|--no-pager|--git-dir=\S+|--work-tree=\S+)\s+)*(status|diff)\b(.*)$/.exec(command)
    if (git) {
      const rest = git[2] ?? ''
      if (git[1] === 'status') {
        if (!/\s(?:-s|--short|--porcelain\S*|-z)\b/.test(rest)) return 'git-status'
      } else if (!/\s--(?:stat|shortstat|numstat|name-only|name-status|quiet|exit-code)\b/.test(rest)) {
        return 'git-diff'
      }
      return 'text'
    }
  }
  if (options.lang?.toLowerCase() === 'json') return 'json'
  const first = expected.split('\n').find((line) => line.trim() !== '')?.trim() ?? ''
  if (first.startsWith('diff --git')) return 'git-diff'
  // A `diff` fence showing hunks without the `diff --git` line.
  if (options.lang?.toLowerCase() === 'diff' && /^(?:@@ -\d|--- a\/)/m.test(expected)) return 'git-diff'
  if (/^(On branch |HEAD detached )/.test(first)) return 'git-status'
  return 'text'
}
