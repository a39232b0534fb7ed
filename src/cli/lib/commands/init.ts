import {existsSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {CommonOptions} from '../args.js'
import type {Io} from '../io.js'
import {exitCodes} from '../exit-codes.js'
import {configFileNames} from '../../../config/index.js'
import {loadGuide} from '../../../guide/index.js'
import {findNeeds, renderConfig} from '../../../init/index.js'
import {InputError, findGuideRoot, planChapters} from '../../../verify/index.js'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** The site's name for the header comment: one line of mkdocs.yml, read
 * as text (the nav was parsed already; this is only a label). */
function siteName(configFile: string | null): string | undefined {
  if (configFile === null || !configFile.endsWith('.yml')) return undefined
  try {
    return /^site_name:\s*["']?(.*?)["']?\s*$/m.exec(readFileSync(configFile, 'utf8'))?.[1] || undefined
  } catch {
    return undefined
  }
}

/** `docs-verify init`: write a commented docs-verify.config.yaml beside the
 * guide's mkdocs.yml from what its chapters need; never over an existing one. */
export async function initCommand(options: CommonOptions, io: Io): Promise<number> {
  const root = findGuideRoot(io.cwd, options.guide)
  const target = options.config !== undefined ? path.resolve(io.cwd, options.config) : path.join(root, 'docs-verify.config.yaml')
  const existing = options.config !== undefined ? [target] : configFileNames.map((name) => path.join(root, name))
  const found = existing.find((file) => existsSync(file))
  if (found !== undefined) {
    throw new InputError(`${path.relative(io.cwd, found) || found} already exists and init never overwrites a configuration: edit it, or move it away and run init again`)
  }
  const guide = await loadGuide(root)
  // Every variant of every chapter with commands, as it would run without
  // a configuration (there is none yet).
  const planned = await planChapters({
    workspace: {cwd: io.cwd, guide, config: {}, configFile: null},
    chapters: guide.chapters.filter((chapter) => chapter.exists),
    cwd: io.cwd
  })
  const withCommands = planned.filter(({plan}) => plan.variants.some((variant) => variant.steps.some((step) => step.kind === 'command')))
  const chapterCount = withCommands.length
  const needs = findNeeds(withCommands.flatMap((chapter) => chapter.prepared))
  const text = renderConfig(needs, {guideName: siteName(guide.configFile) ?? path.basename(root), chapterCount})
  await writeFile(target, text, {flag: 'wx'})
  const toFill = text.split('\n').filter((line) => !line.trimStart().startsWith('#') && line.includes('FILL-IN')).length
  const handled = needs.logins.filter((login) => login.handledBy).length
  io.stdout.write(
    `wrote ${path.relative(io.cwd, target) || target} from ${plural(chapterCount, 'chapter')}: ` +
      `${plural(needs.downloads.length, 'download')}, ${plural(needs.servers.length, 'foreground server')}, ` +
      `${plural(needs.logins.length, 'login')} (${handled} stood in by docs-verify), ${plural(needs.placeholders.length, 'placeholder')}, ${plural(needs.slowSteps.length, 'slow step')}\n` +
      (toFill > 0 ? `replace the ${plural(toFill, 'FILL-IN')} in it, then run \`docs-verify <chapter> --dry-run\` to see the plan\n` : 'run `docs-verify <chapter> --dry-run` to see the plan\n')
  )
  return exitCodes.passed
}
