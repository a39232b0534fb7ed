import type {Diagnostic} from '../../../plan/types.js'
import type {Fence} from '../rendered-containers.js'
import {diagnostic} from '../rule.js'
import type {GuideRule, LintContext} from '../rule.js'

const id = 'pinned-version-mismatch'
const requirementsTitle = /(?:^|\/)requirements[\w.-]*\.(?:txt|in)$/i
const requirementLine = /^[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*(\[[^\]]*\])?[ \t]*==[ \t]*([^\s;#,]+)/
const pyprojectTitle = /(?:^|\/)pyproject\.toml$/i
const quotedPin = /["']([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?[ \t]*==[ \t]*([^"'\s;,]+)["']/g
const installCommand = /\bpip3?[ \t]+install\b|\buv[ \t]+add\b/
const pinToken = /^['"]?([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s'";,]+)['"]?$/
const shellLanguages = new Set(['sh', 'bash', 'shell', 'console', 'zsh'])

interface Pin {
  file: string
  line: number
  column: number
  /** PEP 503 name: `dvc[gs]` and `DVC` are both `dvc`. */
  name: string
  version: string
  raw: string
}

/** The same package pinned to different versions in different chapters:
 * a learner following the guide in order installs one and then the other. */
export const pinnedVersionMismatch: GuideRule = {
  id,
  description: 'The same package pinned to different versions across chapters.',
  scope: 'guide',
  check(contexts: LintContext[]): Diagnostic[] {
    const byName = new Map<string, Pin[]>()
    for (const context of contexts) {
      for (const pin of chapterPins(context)) {
        const pins = byName.get(pin.name) ?? []
        pins.push(pin)
        byName.set(pin.name, pins)
      }
    }
    const found: Diagnostic[] = []
    for (const pins of byName.values()) {
      const counts = new Map<string, number>()
      for (const pin of pins) counts.set(pin.version, (counts.get(pin.version) ?? 0) + 1)
      if (counts.size < 2) continue
      const most = Math.max(...counts.values())
      const leaders = [...counts].filter(([, count]) => count === most).map(([version]) => version)
      for (const pin of pins) {
        const others = pins.filter((other) => other.version !== pin.version)
        if (others.length === 0) continue
        if (leaders.length === 1 && leaders[0] === pin.version) continue
        const where = others.map((other) => `${other.raw} at ${other.file}:${other.line}`).join(', ')
        found.push(
          diagnostic(
            pin.file,
            pin.line,
            pin.column,
            'warning',
            id,
            `${pin.raw} pins ${pin.name} to ${pin.version} but other chapters pin it differently (${where}); use one version across the guide.`
          )
        )
      }
    }
    return found
  }
}

/** A chapter's last pin of each package: a chapter may upgrade a pin it set
 * itself, and what the learner ends up with is what later chapters meet. */
function chapterPins(context: LintContext): Pin[] {
  const last = new Map<string, Pin>()
  for (const pin of collectPins(context)) last.set(pin.name, pin)
  return [...last.values()]
}

function collectPins(context: LintContext): Pin[] {
  const pins: Pin[] = []
  for (const fence of context.layout.fences) {
    if (fence.title !== undefined && requirementsTitle.test(fence.title)) pins.push(...requirementPins(context, fence))
    else if (fence.title !== undefined && pyprojectTitle.test(fence.title)) pins.push(...pyprojectPins(context, fence))
    else if (fence.lang === undefined || shellLanguages.has(fence.lang)) pins.push(...pipPins(context, fence))
  }
  return pins
}

function requirementPins(context: LintContext, fence: Fence): Pin[] {
  const pins: Pin[] = []
  for (const {line, text} of fence.body) {
    const match = requirementLine.exec(text)
    if (!match) continue
    const raw = `${match[1] ?? ''}${match[2] ?? ''}==${match[3] ?? ''}`
    pins.push(pin(context, line, match[1] ?? '', match[3] ?? '', raw))
  }
  return pins
}

/** `"pkg==ver"` strings in a pyproject.toml block (dependency arrays). */
function pyprojectPins(context: LintContext, fence: Fence): Pin[] {
  const pins: Pin[] = []
  for (const {line, text} of fence.body) {
    for (const match of text.matchAll(quotedPin)) {
      const raw = `${match[1] ?? ''}${match[2] ?? ''}==${match[3] ?? ''}`
      pins.push(pin(context, line, match[1] ?? '', match[3] ?? '', raw))
    }
  }
  return pins
}

/** `pip install pkg==ver` (also `pip3`, `python -m pip`, `uv pip`) and
 * `uv add pkg==ver`, across `\` continuations. */
function pipPins(context: LintContext, fence: Fence): Pin[] {
  const pins: Pin[] = []
  let installing = false
  for (const {line, text} of fence.body) {
    const start = installCommand.exec(text)
    if (!installing && !start) continue
    const words = (start ? text.slice(start.index + start[0].length) : text).split(/[ \t]+/)
    for (const word of words) {
      const match = pinToken.exec(word)
      if (match) pins.push(pin(context, line, match[1] ?? '', match[3] ?? '', word.replace(/['"]/g, '')))
    }
    installing = /\\[ \t]*$/.test(text)
  }
  return pins
}

function pin(context: LintContext, line: number, name: string, version: string, raw: string): Pin {
  const source = context.layout.lines[line - 1] ?? ''
  const at = source.indexOf(raw.split('==')[0] ?? raw)
  return {
    file: context.file,
    line,
    column: at < 0 ? 1 : at + 1,
    name: name.toLowerCase().replace(/[-_.]+/g, '-'),
    version,
    raw
  }
}
