import path from 'node:path'
import type {PreparedChapter, PreparedStep} from '../../plan/index.js'
import type {CommandAt, Download, ForegroundServer, GuideNeeds, Login, SlowStep} from './types.js'

/** Packages whose wheels take minutes to download and install. */
const heavyPackages = /^(tensorflow|tensorflow-cpu|tf-nightly|torch|torchvision|torchaudio|jax|jaxlib|transformers|opencv-python|xgboost|lightgbm|catboost|spacy|mxnet|onnxruntime|paddlepaddle)\b/i

/** Logins that need a person at a browser or a secret. */
const loginCommand =
  /^(gcloud\s+init|gcloud\s+auth\s+(application-default\s+)?login|gh\s+auth\s+login|glab\s+auth\s+login|docker\s+login|az\s+login|aws\s+(sso\s+)?login|aws\s+configure|huggingface-cli\s+login|hf\s+auth\s+login|wandb\s+login|heroku\s+login|firebase\s+login|npm\s+login|vercel\s+login)(\s|$)/

/** Commands that serve until someone stops them. */
const serverCommand =
  /^(jupyter-lab|jupyter\s+(lab|notebook)|jupyter-notebook|bentoml\s+serve|mkdocs\s+serve|flask\s+run|uvicorn|gunicorn|streamlit\s+run|tensorboard|mlflow\s+(ui|server)|python[\d.]*\s+-m\s+http\.server|label-studio|kubectl\s+port-forward|npm\s+(start|run\s+dev))(\s|$)/

/** One command as written: its first line, continuation lines joined. */
interface LogicalLine {
  text: string
  /** 0-based index of its first line in the block. */
  index: number
}

function logicalLines(text: string): LogicalLine[] {
  const lines = text.split('\n')
  const out: LogicalLine[] = []
  for (let index = 0; index < lines.length; index++) {
    let joined = lines[index] ?? ''
    const start = index
    while (joined.endsWith('\\') && index < lines.length - 1) {
      index++
      joined = `${joined}\n${lines[index] ?? ''}`
    }
    const trimmed = joined.trim()
    if (trimmed !== '' && !trimmed.startsWith('#')) out.push({text: trimmed, index: start})
  }
  return out
}

/** `sudo`, `VAR=value` prefixes and `$ ` prompts do not change what runs. */
function commandWords(line: string): string {
  return line.replace(/^\$\s+/, '').replace(/^(sudo\s+)?(\w+=\S*\s+)*/, '').replace(/\\\n\s*/g, ' ')
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** A stand-in `match` for the command: literal unless a placeholder (which
 * the run fills in first) sits in it. */
function matchFor(command: string): string {
  if (!/<[^<>\s][^<>]*>/.test(command)) return command.replace(/\\\n\s*/g, ' ')
  const parts = command.replace(/\\\n\s*/g, ' ').split(/<[^<>\s][^<>]*>/)
  return `/^${parts.map(escapeRegex).join('.+')}$/`
}

function downloadOf(words: string): Omit<Download, keyof CommandAt> | undefined {
  const url = /\b(https?|ftp):\/\/[^\s"'<>]+/.exec(words)?.[0]
  if (/^wget\s/.test(words) && url) {
    const output = /(?:\s-O\s*|--output-document[= ])(\S+)/.exec(words)?.[1]
    return {tool: 'wget', url, target: output ?? path.posix.basename(new URL(url).pathname)}
  }
  if (/^curl\s/.test(words) && url) {
    const output = /(?:\s-o\s*|--output[= ])(\S+)/.exec(words)?.[1]
    return {tool: 'curl', url, target: output ?? path.posix.basename(new URL(url).pathname)}
  }
  const clone = /^git\s+clone\s+(?:-\S+\s+)*((?:https?|ssh|git):\/\/\S+|git@\S+)(?:\s+(\S+))?/.exec(words)
  if (clone?.[1]) {
    const target = clone[2] ?? path.posix.basename(clone[1].replace(/\.git$/, '').replace(/^git@[^:]+:/, '/'))
    return {tool: 'git clone', url: clone[1], target}
  }
  return undefined
}

/** Requirement lines the doc writes into a file (the last full version
 * before the step), to tell a heavy `pip install -r` from a light one. */
function requirementsBefore(chapters: readonly PreparedChapter[], chapter: PreparedChapter, step: PreparedStep, file: string): string | undefined {
  let found: string | undefined
  for (const candidate of chapters) {
    for (const prepared of candidate.steps) {
      if (candidate === chapter && prepared === step) return found
      const written = prepared.step
      if (written.kind === 'file' && written.mode === 'full' && path.posix.normalize(written.path) === path.posix.normalize(file)) found = prepared.text
    }
  }
  return found
}

function slowStep(words: string, requirements: (file: string) => string | undefined): Omit<SlowStep, keyof CommandAt> | undefined {
  const pip = /^(?:pip3?|python[\d.]*\s+-m\s+pip)\s+install\s+(.*)$/s.exec(words)
  if (pip) {
    const args = (pip[1] ?? '').split(/\s+/)
    const file = args.find((_, index) => index > 0 && /^(-r|--requirement)$/.test(args[index - 1] ?? '')) ?? /--requirement=(\S+)/.exec(pip[1] ?? '')?.[1]
    const named = args.filter((arg) => !arg.startsWith('-') && arg !== file)
    if (file) {
      const content = requirements(file)
      if (content === undefined) return {seconds: 900, why: `pip install of ${file}, which the doc does not show: allow for heavy packages`}
      const heavy = content.split('\n').map((line) => line.trim()).filter((line) => heavyPackages.test(line))
      return heavy.length > 0 ? {seconds: 1800, why: `pip install of ${heavy.map((line) => line.split(/[=<>~! ;[]/)[0]).join(', ')} (from ${file})`} : undefined
    }
    const heavy = named.filter((name) => heavyPackages.test(name.replace(/^["']/, '')))
    return heavy.length > 0 ? {seconds: 1800, why: `pip install of ${heavy.join(', ')}`} : undefined
  }
  if (/^dvc\s+(repro|exp\s+run)\b/.test(words)) return {seconds: 1800, why: 'runs the pipeline, training included'}
  if (/^python[\d.]*\s+(\S*\/)?\S*train\S*\.py\b/.test(words)) return {seconds: 1800, why: 'trains a model'}
  if (/^jupyter\s+nbconvert\b.*--execute/.test(words)) return {seconds: 1800, why: 'executes a notebook'}
  return undefined
}

/**
 * What the guide's chapters need that docs-verify cannot know: network
 * downloads, logins, foreground servers, placeholder values, slow steps.
 * Each command is reported once, whatever the number of variants.
 */
export function findNeeds(chapters: readonly PreparedChapter[]): GuideNeeds {
  const needs: GuideNeeds = {downloads: [], logins: [], servers: [], slowSteps: [], placeholders: []}
  const seen = new Set<string>()
  const placeholderKeys = new Set<string>()
  for (const chapter of chapters) {
    for (const value of chapter.placeholders) {
      if (placeholderKeys.has(value.key)) continue
      placeholderKeys.add(value.key)
      needs.placeholders.push({key: value.key, value: value.value, source: value.source, reason: value.reason})
    }
    for (const prepared of chapter.steps) {
      const step = prepared.step
      if (step.kind !== 'command' || step.someoneElse) continue
      for (const line of logicalLines(step.text)) {
        const at: CommandAt = {file: step.file, line: step.line + 1 + line.index, fenceLine: step.line, command: line.text, match: matchFor(line.text)}
        const key = `${at.file}:${at.line}`
        if (seen.has(key)) continue
        seen.add(key)
        const words = commandWords(line.text)
        const download = downloadOf(words)
        if (download) needs.downloads.push({...at, ...download})
        if (loginCommand.test(words)) {
          const builtIn = prepared.standIns.find((applied) => applied.line === line.index + 1)
          needs.logins.push(builtIn ? {...at, handledBy: builtIn.reason} : at)
        }
        if (serverCommand.test(words) || (/^docker\s+run\s/.test(words) && /\s(-p|--publish)\s/.test(words) && !/\s(-d|--detach)\b/.test(words))) {
          const notebook = /^(jupyter-lab|jupyter\s+(lab|notebook)|jupyter-notebook)\s+(\S+\.ipynb)\b/.exec(words)?.[3]
          needs.servers.push(notebook ? {...at, notebook} : at)
        }
        const slow = slowStep(words, (file) => requirementsBefore(chapters, chapter, prepared, file))
        if (slow) needs.slowSteps.push({...at, ...slow})
      }
    }
  }
  return needs
}
