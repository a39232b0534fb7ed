import {describe, expect, it} from 'vitest'
import {classifyHang} from '../../src/runner/index.js'
import {CappedText} from '../../src/runner/lib/capped-text.js'

const at = {pids: [], line: 2, command: 'gcloud init'}

describe('classifyHang (text rules; sockets are covered by the timeout tests)', () => {
  it.each([
    ['Do you want to continue (Y/n)?  '],
    ['Proceed? [y/N] '],
    ['Enter verification code: '],
    ["Once finished, enter the verification code provided in your browser: "],
    ['Password: '],
    ['Please enter your numeric choice:  ']
  ])('sees a prompt in %j', (prompt) => {
    expect(classifyHang({...at, output: `Welcome!\n${prompt}`}).reason).toBe('waiting-for-input')
  })

  it('needs the cursor on the line for a bare colon, and reads serving messages', () => {
    expect(classifyHang({...at, output: 'Copying files:\n'}).reason).toBe('still-running')
    expect(classifyHang({...at, output: 'Type checking the project\n'}).reason).toBe('still-running')
    expect(classifyHang({...at, output: 'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n'})).toMatchObject({
      reason: 'foreground-server',
      line: 2,
      command: 'gcloud init'
    })
    expect(classifyHang({...at, output: ' * Running on http://127.0.0.1:5000\n'}).reason).toBe('foreground-server')
    expect(classifyHang({...at, output: ''}).reason).toBe('still-running')
  })
})

describe('CappedText', () => {
  it('keeps the head and the tail of a runaway stream and says what it cut', () => {
    const text = new CappedText(4096)
    for (let index = 0; index < 1000; index++) text.push(Buffer.from(`line ${index}\n`))
    expect(text.truncated).toBe(true)
    const result = text.text()
    expect(result.startsWith('line 0\nline 1\n')).toBe(true)
    expect(result.endsWith('line 999\n')).toBe(true)
    expect(result).toMatch(/\[docs-verify: \d+ bytes of output omitted\]/)
    expect(result.length).toBeLessThan(4500)
    expect(text.end(9)).toBe('line 999\n')
  })
})
