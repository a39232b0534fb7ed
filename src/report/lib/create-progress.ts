import type {StepKind} from '../../plan/types.js'
import type {ChapterReport, StepReport} from '../types.js'
import {createStyle} from './ansi-style.js'
import type {Style} from './ansi-style.js'
import {formatDuration} from './format-duration.js'
import {chapterMark, stepMark} from './status-marks.js'
import {stepLabel} from './step-label.js'

/** The part of a plan step progress needs (a plan `Step` fits). */
export interface ProgressStep {
  id: string
  kind: StepKind
  file: string
  line: number
  title?: string
}

export interface ProgressOptions {
  /** Redraw one status line in place (a terminal); else append plain lines. */
  tty: boolean
  color: boolean
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
 * Reports steps as they run. On a terminal, one line shows the running step
 * and its elapsed time, redrawn in place (padding, not escape codes, clears
 * it, so it stays clean without colour); finished problems and chapters
 * are printed above it. Elsewhere (CI logs, pipes) every start and finish
 * is a line of its own, so a hang shows what was running.
 */
export function createProgress(stream: Writable, options: ProgressOptions): Progress {
  const style = createStyle(options.color)
  const now = options.now ?? Date.now
  const running = new Map<string, {step: ProgressStep; started: number}>()
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
    const room = Math.max(1, (stream.columns ?? 80) - 1 - head.length - tail.length)
    let what = `${latest.step.file}:${latest.step.line} ${label(latest.step)}`
    if (what.length > room) what = `${what.slice(0, room - 1)}…`
    const plain = `${head}${what}${tail}`
    frame++
    const padding = drawn > plain.length ? ' '.repeat(drawn - plain.length) : ''
    stream.write(`\r${style.cyan(plain)}${padding}`)
    drawn = plain.length
  }
  const stopTimer = (): void => {
    if (timer) clearInterval(timer)
    timer = undefined
  }
  const print = (line: string): void => {
    if (options.tty) clear()
    stream.write(`${line}\n`)
    if (options.tty) draw()
  }

  return {
    stepStarted(step) {
      running.set(step.id, {step, started: now()})
      if (!options.tty) {
        stream.write(`  ${style.dim('…')} ${step.file}:${step.line} ${label(step)}\n`)
        return
      }
      draw()
      if (!timer) {
        timer = setInterval(draw, tickMs)
        // Progress must never keep the process alive.
        timer.unref()
      }
    },
    stepFinished(step) {
      running.delete(step.id)
      if (running.size === 0) stopTimer()
      const shown = !options.tty || step.status === 'failed' || step.status === 'timed-out'
      if (shown) print(finishedLine(step, style))
      else if (options.tty) draw()
    },
    chapterFinished(chapter) {
      running.clear()
      stopTimer()
      print(
        `${chapterMark(chapter.status, style)} ${chapter.title} ${style.dim(`[${chapter.variant}]`)} ${chapter.status} ${style.dim(formatDuration(chapter.durationMs))}`
      )
    },
    stop() {
      running.clear()
      stopTimer()
      if (options.tty) clear()
    }
  }
}

function label(step: ProgressStep): string {
  return step.title ? `${step.id} (${step.title})` : step.id
}

function finishedLine(step: StepReport, style: Style): string {
  const head = `  ${stepMark(step.status, style)} ${step.file}:${step.line} ${stepLabel(step)} ${step.status} ${style.dim(formatDuration(step.durationMs))}`
  return step.message && step.status !== 'passed' ? `${head}\n      ${step.message.split('\n')[0] ?? ''}` : head
}
