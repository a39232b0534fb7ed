import {describe, expect, it} from 'vitest'
import type {PreparedChapter} from '../../src/plan/index.js'
import {needsCloud} from '../../src/verify/lib/cloud-hooks.js'

/** Just the part of a prepared chapter needsCloud reads: command texts. */
function chapterRunning(...commands: string[]): PreparedChapter {
  return {steps: commands.map((text, index) => ({step: {kind: 'command', id: `command@${index + 1}`}, text}))} as unknown as PreparedChapter
}

describe('needsCloud: which chapters start the GCS emulator', () => {
  it('a chapter running gcloud or gsutil needs the stand-ins', () => {
    expect(needsCloud([chapterRunning('gcloud storage buckets create gs://demo')])).toBe(true)
    expect(needsCloud([chapterRunning('echo start', 'gsutil ls')])).toBe(true)
  })

  it('a chapter without cloud commands does not', () => {
    expect(needsCloud([chapterRunning('git init -b main', 'python3 src/train.py')])).toBe(false)
  })

  it('a path to the gcloud config folder is not a gcloud command', () => {
    expect(needsCloud([chapterRunning('ls -a ~/.config/gcloud 2>&1')])).toBe(false)
  })

  it('a comment that mentions gcloud is not a gcloud command', () => {
    expect(needsCloud([chapterRunning('# No gcloud credentials here\ntest ! -e ~/.config/gcloud/credentials.db')])).toBe(false)
  })
})
