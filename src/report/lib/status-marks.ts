import type {ChapterStatus, StepStatus} from '../types.js'
import type {Style} from './ansi-style.js'

/** The mark and colour of a step status in plain output and progress. */
export function stepMark(status: StepStatus, style: Style): string {
  switch (status) {
    case 'passed':
      return style.green('✓')
    case 'stood-in':
      return style.yellow('✓')
    case 'failed':
      return style.red('✗')
    case 'timed-out':
      return style.red('⏱')
    case 'skipped':
    case 'not-applied':
      return style.dim('-')
  }
}

/** The mark and colour of a chapter status. */
export function chapterMark(status: ChapterStatus, style: Style): string {
  switch (status) {
    case 'passed':
      return style.green('✓')
    case 'restored':
      return style.cyan('↺')
    case 'failed':
      return style.red('✗')
    case 'error':
      return style.red('!')
  }
}
