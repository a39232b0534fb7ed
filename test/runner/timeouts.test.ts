import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {isAlive, ShellSession} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'
import {useSharedSession} from './session-fixture.js'

const ready = requireTools(['bash', 'python3'])

const shared = useSharedSession(ready)

function readPid(name: string): number {
  return Number(fs.readFileSync(path.join(shared.session.cwd, name), 'utf8').trim())
}

describe.runIf(ready)('ShellSession: timeouts kill the whole group and say why', () => {
  it('classifies a prompt as waiting for input, names the line, and kills grandchildren', async () => {
    const result = await shared.session.run({
      id: 'command@1',
      timeoutMs: 1500,
      text: [
        'echo setting up',
        `bash -c 'echo $$ > child.pid; sleep 1000 & echo $! > grandchild.pid; wait' &`,
        'printf "Do you want to continue? [y/N] "',
        'sleep 1000'
      ].join('\n')
    })
    expect(result.timedOut).toBe(true)
    expect(result.exitCode).toBeNull()
    expect(result.signal).toMatch(/^SIG(TERM|KILL)$/)
    expect(result.hang).toMatchObject({reason: 'waiting-for-input', line: 4, command: 'sleep 1000'})
    expect(result.output).toBe('setting up\nDo you want to continue? [y/N] ')
    for (const name of ['child.pid', 'grandchild.pid']) expect(isAlive(readPid(name))).toBe(false)
  })

  it('classifies a server in the foreground by its listening socket', async () => {
    const result = await shared.session.run({
      id: 'command@2',
      // Python starts slowly on a loaded machine: give it time to listen.
      timeoutMs: 5000,
      text: '# Start the server\npython3 -m http.server 0 --bind 127.0.0.1'
    })
    expect(result.timedOut).toBe(true)
    expect(result.hang?.reason).toBe('foreground-server')
    expect(result.hang?.line).toBe(2)
    expect(result.hang?.ports).toHaveLength(1)
  })

  it('says "still running" for a silent long command, ends it and keeps the same shell', async () => {
    const result = await shared.session.run({
      id: 'command@3',
      timeoutMs: 1000,
      text: "export BEFORE_HANG=kept\necho $$ > shell.pid\nsh -c 'echo $$ > hung.pid; exec sleep 1000'\necho never"
    })
    expect(result.hang).toMatchObject({reason: 'still-running', line: 3, command: "sh -c 'echo $$ > hung.pid; exec sleep 1000'"})
    expect(result.output).toBe('')
    expect(isAlive(readPid('hung.pid'))).toBe(false)
    // One terminal: the shell itself lives on, with what the block had set.
    expect(isAlive(readPid('shell.pid'))).toBe(true)
    const next = await shared.session.run({id: 'command@4', text: 'echo "alive $BEFORE_HANG $$"'})
    expect(next.output).toBe(`alive kept ${readPid('shell.pid')}\n`)
  })
})

describe.runIf(ready)('ShellSession: second terminal and jobs left running', () => {
  it('runs a concurrent step in the background and stops it at close()', async () => {
    const own = new ShellSession(shared.sandbox, {killGraceMs: 300})
    const started = await own.run({id: 'command@10', concurrent: true, text: 'echo $$ > server.pid\necho started\nsleep 1000'})
    expect(started.background?.pid).toBeGreaterThan(0)
    expect(started.exitCode).toBeNull()
    // A foreground block of the same chapter: `cmd &` keeps running like in a terminal.
    const job = await own.run({id: 'command@11', text: 'until [ -s server.pid ]; do sleep 0.05; done\nsleep 1000 &\necho $! > job.pid'})
    expect(job.exitCode).toBe(0)
    const jobPid = readPid('job.pid')
    expect(job.leftRunning).toContain(jobPid)
    expect(isAlive(jobPid)).toBe(true)
    const reports = await own.close()
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({id: 'command@10', stoppedAtClose: true, output: 'started\n'})
    expect(isAlive(readPid('server.pid'))).toBe(false)
    expect(isAlive(jobPid)).toBe(false)
    await expect(own.run({id: 'command@12', text: 'true'})).rejects.toThrow(/closed/)
  })
})
