import {describe, expect, it} from 'vitest'
import {planChapter} from '../../src/plan/index.js'
import {reasonsToChain} from '../../src/plan/index.js'

const fence = '```'
const block = (body: string): string => `${fence}sh title="Execute the following command(s) in a terminal"\n${body}\n${fence}\n`

function reasons(markdown: string): string[] {
  const plan = planChapter(markdown, 'chapter.md')
  return reasonsToChain(plan, plan.variants[0]?.steps ?? [])
}

describe('reasonsToChain', () => {
  it('a chapter that creates its repository stands alone', () => {
    expect(reasons(`# Chapter 1\n\n${block('git init\ngit add .\ngit status')}`)).toEqual([])
  })

  it('a chapter that uses a repository it does not create needs the chapters before it', () => {
    expect(reasons(`# Chapter 2\n\n${block('git add .')}\n${block('dvc push')}`)).toEqual([
      'line 3 uses a Git repository the chapter does not create',
      'line 7 uses a DVC project the chapter does not create'
    ])
  })

  it('a chapter that reads a variable it never sets needs the chapters before it', () => {
    expect(reasons(`# Chapter 8\n\n${block('echo "$GCP_PROJECT_ID"')}`)).toEqual(['it reads $GCP_PROJECT_ID without setting them'])
  })

  it('activating a virtualenv the chapter did not create counts, creating one first does not', () => {
    expect(reasons(`# A\n\n${block('source .venv/bin/activate')}`)).toHaveLength(1)
    expect(reasons(`# B\n\n${block('python3 -m venv .venv\nsource .venv/bin/activate')}`)).toEqual([])
  })
})
