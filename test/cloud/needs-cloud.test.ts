import {describe, expect, it} from 'vitest'
import {needsCloud} from '../../src/cloud/index.js'

const running = (...commands: string[]) => commands.map((text) => ({kind: 'command', text}))

describe('needsCloud: which chains start the GCS emulator', () => {
  it('a chapter running gcloud or gsutil needs the stand-ins', () => {
    expect(needsCloud(running('gcloud storage buckets create gs://demo'))).toBe(true)
    expect(needsCloud(running('echo start', 'gsutil ls'))).toBe(true)
  })

  it('a file naming a gs:// URL or dvc[gs] needs them too', () => {
    expect(needsCloud([{kind: 'file', text: 'dvc[gs]==3.67.1\n'}])).toBe(true)
  })

  it('a chapter without cloud commands does not', () => {
    expect(needsCloud(running('git init -b main', 'python3 src/train.py'))).toBe(false)
  })

  it('an expected output that mentions gcloud is not a command', () => {
    expect(needsCloud([{kind: 'expect', text: 'gcloud storage buckets list\ngs://mlops-bucket/'}])).toBe(false)
  })

  it('a path to the gcloud config folder is not a gcloud command', () => {
    expect(needsCloud(running('ls -a ~/.config/gcloud 2>&1'))).toBe(false)
  })

  it('a comment that mentions gcloud is not a gcloud command', () => {
    expect(needsCloud(running('# No gcloud credentials here\ntest ! -e ~/.config/gcloud/credentials.db'))).toBe(false)
  })
})
