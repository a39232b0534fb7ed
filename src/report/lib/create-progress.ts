import type {StepKind} from '../../plan/types.js'
import type {ChapterReport, StepReport} from '../types.js'
import {createStyle} from './ansi-style.js'
import {formatDuration} from './format-duration.js'
import {chapterLine, stepLines} from './render-plain.js'
import {firstLine} from './step-label.js'

/** The part of a plan step progress needs (a plan `Step` fits). */
export interface ProgressStep {
  id: string
  kind: StepKind
  file: string
  line: number
  title?: string
  /** The block as written: a command's first line names the running step. */
  text?: string
}

export interface ProgressOptions {
  /** Redraw one status line in place (a terminal); else append plain lines. */
  tty: boolean
  color: boolean
  /** Also print each step's notes (tolerated differences, stand-ins). */
  verbose?: boolean
  /** Without a terminal: a line for a step still running after this long,
   * and again each time as long, so a CI log shows what hangs. */
  stillRunningMs?: number
  /** Clock, for callers that replay a run. */
  now?: () => number
}

/** Live progress for a run; `stop` ends the ticking status line early. */
export interface Progress {
  stepStarted(step: ProgressStep): void
  stepFinished(step: StepReport): void
  chapterFinished(chapter: ChapterReport): void
  stop(): void
}

interface Writable {
  write(chunk: string): unknown
  columns?: number
}

const tickMs = 1000
const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/**
 * Reports a run as it goes: one line per finished step, led by its
 * Markdown line, and one line per finished chapter, each printed once. On a
 * terminal a status line under them shows the running step and its elapsed
 * time, redrawn in place (padding, not escape codes, clears it, so it stays
 * clean without colour). Elsewhere (CI logs, pipes) nothing is redrawn; a
 * step that runs long gets a "still running" line instead.
 */
export function createProgress(stream: Writable, options: ProgressOptions): Progress {
  const style = createStyle(options.color)
  const now = options.now ?? Date.now
  const stillRunningMs = options.stillRunningMs ?? 60_000
  const running = new Map<string, {step: ProgressStep; started: number; reported: number}>()
  let drawn = 0
  let frame = 0
  let timer: NodeJS.Timeout | undefined

  const clear = (): void => {
    if (drawn > 0) stream.write(`\r${' '.repeat(drawn)}\r`)
    drawn = 0
  }
  const draw = (): void => {
    const latest = [...running.values()].at(-1)
    if (!latest) return clear()
    const others = running.size > 1 ? ` +${running.size - 1} running` : ''
    const elapsed = formatDuration(now() - latest.started)
    const head = `${frames[frame % frames.length]} `
    const tail = ` ${elapsed}${others}`
    // A wrapped line cannot be redrawn in place: shorten the step, never the
    // elapsed time.
    const room = Math.max(1, (stream.columns || 80) - 1 - head.length - tail.length)
    let what = `${latest.step.file}:${latest.step.line} ${runningSummary(latest.step)}`
    if (what.length > room) what = `${what.slice(0, room - 1)}…`
    const plain = `${head}${what}${tail}`
    frame++
    const padding = drawn > plain.length ? ' '.repeat(drawn - plain.length) : ''
    stream.write(`\r${style.cyan(plain)}${padding}`)
    drawn = plain.length
  }
  const reportLongSteps = (): void => {
    for (const entry of running.values()) {
      const elapsed = now() - entry.started
      if (elapsed < (entry.reported + 1) * stillRunningMs) continue
      entry.reported = Math.floor(elapsed / stillRunningMs)
      stream.write(`  ${style.dim('…')} ${entry.step.file}:${entry.step.line} ${runningSummary(entry.step)} ${style.dim(`still running (${formatDuration(elapsed)})`)}\n`)
    }
  }
  const tick = (): void => (options.tty ? draw() : reportLongSteps())
  const stopTimer = (): void => {
    if (timer) clearInterval(timer)
    timer = undefined
  }
  const print = (lines: string[]): void => {
    if (options.tty) clear()
    stream.write(`${lines.join('\n')}\n`)
    if (options.tty) draw()
  }

  return {
    stepStarted(step) {
      running.set(step.id, {step, started: now(), reported: 0})
      if (options.tty) draw()
      if (!timer) {
        timer = setInterval(tick, tickMs)
        // Progress must never keep the process alive.
        timer.unref()
      }
    },
    stepFinished(step) {
      running.delete(step.id)
      if (running.size === 0) stopTimer()
      print(stepLines(step, style, options.verbose ?? false))
    },
    chapterFinished(chapter) {
      running.clear()
      stopTimer()
      print([chapterLine(chapter, style)])
    },
    stop() {
      running.clear()
      stopTimer()
      if (options.tty) clear()
    }
  }
}

function runningSummary(step: ProgressStep): string {
  switch (step.kind) {
    case 'command':
      return step.text === undefined ? step.title ?? step.id : `$ ${firstLine(step.text)}`
    case 'file':
      return `write ${step.title ?? step.id}`
    case 'expect':
      return 'comparing the output'
  }
}
