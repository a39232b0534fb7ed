import path from 'node:path'
import type {CommandAt, GuideNeeds} from './types.js'

export interface RenderOptions {
  /** The guide's name (mkdocs.yml's site_name), for the header. */
  guideName?: string
  chapterCount: number
}

/** What a maintainer must replace: runs as a command that does not exist,
 * so a config left unfinished fails loudly instead of passing. */
export const fillIn = 'FILL-IN'

/** A YAML scalar: plain when that reads the same, else JSON's double-quoted
 * form (valid YAML). */
function scalar(text: string): string {
  const plain = /^[A-Za-z0-9_.\/][A-Za-z0-9 _.\/=+-]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|~|[-+]?[\d.]+)$/i.test(text)
  return plain ? text : JSON.stringify(text)
}

function where(at: CommandAt): string {
  return `${path.basename(at.file)}:${at.line}`
}

function comment(text: string, indent: string): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > 76) {
      out.push(`${indent}# ${line}`)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') out.push(`${indent}# ${line}`)
  return out
}

function standIn(lines: string[], entry: {match: string; run: string; reason: string}): void {
  lines.push(`  - match: ${scalar(entry.match)}`)
  if (entry.run.includes('\n')) {
    lines.push('    run: |')
    for (const line of entry.run.split('\n')) lines.push(`      ${line}`)
  } else {
    lines.push(`    run: ${scalar(entry.run)}`)
  }
  lines.push(`    reason: ${scalar(entry.reason)}`)
}

/**
 * The text of `docs-verify.config.yaml`: every key with a comment saying
 * where in the guide it comes from and what to decide. Valid against the
 * schema as written; each FILL-IN fails the step it stands for until
 * replaced.
 */
export function renderConfig(needs: GuideNeeds, options: RenderOptions): string {
  const lines: string[] = [
    '# yaml-language-server: $schema=./node_modules/docs-verify/schema/docs-verify.config.schema.json',
    ...comment(
      `docs-verify configuration for ${options.guideName ? `"${options.guideName}"` : 'this guide'}, written by \`docs-verify init\` ` +
        `from its ${options.chapterCount} chapters with commands: what docs-verify cannot know about the guide. Review each entry and replace every ${fillIn}; ` +
        'a step whose stand-in still says FILL-IN fails. Every key: node_modules/docs-verify/docs/reference/configuration-keys.md.',
      ''
    ),
    ''
  ]

  const placeholders = needs.placeholders.filter((value) => value.source !== 'sandbox')
  const bound = needs.placeholders.filter((value) => value.source === 'sandbox')
  if (placeholders.length > 0 || bound.length > 0) {
    lines.push(...comment("The values the learner chooses. docs-verify uses the doc's own example when it gives one; change any of them here.", ''))
    lines.push('placeholders:')
    for (const value of placeholders) {
      lines.push(...comment(value.source === 'prose-example' ? value.reason.replace(/ at .*\/([^/]+:\d+)$/, ' at $1') : `no example in the doc; generated (${value.reason})`, '  '))
      lines.push(`  ${scalar(value.key)}: ${scalar(value.value)}`)
    }
    for (const value of bound) lines.push(...comment(`"${value.key}" is left to docs-verify: ${value.reason}.`, '  '))
    if (placeholders.length === 0) lines.push('  {}')
    lines.push('')
  }

  const ownStandIns = needs.downloads.length + needs.servers.length + needs.logins.filter((login) => !login.handledBy).length
  if (ownStandIns > 0 || needs.logins.length > 0) {
    lines.push('standIns:')
    if (needs.downloads.length > 0) {
      lines.push(...comment('Network downloads. A run should not depend on the network (nor on what the server holds today): keep a copy of each file beside the guide and copy it in.', '  '))
    }
    for (const download of needs.downloads) {
      lines.push(...comment(`${where(download)}: ${download.tool} ${download.url}`, '  '))
      const copy = download.tool === 'git clone' ? `cp -r ${fillIn}/${path.posix.basename(download.target)} ${download.target}` : `cp ${fillIn}/${path.posix.basename(download.target)} ${download.target}`
      standIn(lines, {match: download.match, run: copy, reason: `a local copy of ${download.url} (${fillIn}: say where it comes from)`})
    }
    if (needs.servers.length > 0) lines.push(...comment('Foreground servers: they run until someone stops them, so a run would wait for its timeout.', '  '))
    for (const server of needs.servers) {
      lines.push(...comment(`${where(server)}: ${server.command.split('\n')[0]}`, '  '))
      if (server.notebook) {
        standIn(lines, {
          match: server.match,
          run: `jupyter nbconvert --to notebook --execute --inplace ${server.notebook}`,
          reason: `${server.command.split(/\s/)[0]} is a server driven from a browser; nbconvert executes every cell of ${server.notebook} as the learner does and fails on the first that raises`
        })
      } else {
        standIn(lines, {
          match: server.match,
          run: `${fillIn}: start it in the background and check that it answers, or write skip: true instead of run`,
          reason: `${server.command.split(/\s/)[0]} serves until stopped (${fillIn}: what the stand-in checks)`
        })
      }
    }
    const ownLogins = needs.logins.filter((login) => !login.handledBy)
    if (ownLogins.length > 0) lines.push(...comment('Logins that need a person or a secret.', '  '))
    for (const login of ownLogins) {
      lines.push(...comment(`${where(login)}: ${login.command}`, '  '))
      standIn(lines, {match: login.match, run: `${fillIn}: reach the login's end state without a browser`, reason: `${login.command.split('\n')[0]} needs a person at a browser (${fillIn})`})
    }
    const handled = needs.logins.filter((login) => login.handledBy)
    if (handled.length > 0) {
      lines.push(...comment('Browser logins docs-verify stands in for itself; add an entry above only to run something else:', '  '))
      for (const login of handled) lines.push(`  #   ${where(login)}: ${login.command}`)
    }
    if (ownStandIns === 0) lines.push('  []')
    lines.push('')
  }

  if (needs.slowSteps.length > 0) {
    lines.push(...comment('Slow steps, in seconds (a step without an entry may take 300). Keyed by the line of the block\'s opening fence.', ''))
    lines.push('timeouts:', '  steps:')
    const byFence = new Map<string, {seconds: number; why: string[]}>()
    for (const slow of needs.slowSteps) {
      const key = `${path.basename(slow.file)}:${slow.fenceLine}`
      const entry = byFence.get(key) ?? {seconds: 0, why: []}
      entry.seconds = Math.max(entry.seconds, slow.seconds)
      entry.why.push(`${slow.command.split('\n')[0]}: ${slow.why}`)
      byFence.set(key, entry)
    }
    for (const [key, entry] of byFence) {
      lines.push(...comment(entry.why.join('; '), '    '))
      lines.push(`    ${JSON.stringify(key)}: ${entry.seconds}`)
    }
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}
