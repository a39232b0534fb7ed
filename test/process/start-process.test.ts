import {describe, expect, it} from 'vitest'
import {groupMembers, isAlive, runProcess, startProcess, stopProcess, tracked} from '../../src/process/index.js'
import {requireTools} from '../runner/require-tools.js'

const ready = requireTools(['bash', 'sleep'])
const env = {PATH: process.env.PATH ?? '/usr/bin:/bin'}

describe.runIf(ready)('the process-lifetime module', () => {
  it('runs a command to its end and reports a failure as data', async () => {
    const outcome = await runProcess({file: 'bash', args: ['-c', 'echo out; echo err >&2; exit 3'], env, cwd: '/'})
    expect(outcome).toEqual({exitCode: 3, stdout: 'out\n', stderr: 'err\n'})
    const missing = await runProcess({file: 'docs-verify-no-such-program', args: [], env, cwd: '/'})
    expect(missing.exitCode).toBeNull()
    expect(missing.failure).toMatch(/ENOENT/)
  })

  it('collects descriptor 3 when asked (a status channel), beside stdin input', async () => {
    // sh, not bash: bash reads ~/.bashrc when its stdin is a socket (libuv's pipes are).
    const outcome = await runProcess({file: 'sh', args: ['-c', 'cat; echo status >&3; exit 2'], env, cwd: '/'}, {input: 'in', collectFd3: true})
    expect(outcome).toEqual({exitCode: 2, stdout: 'in', stderr: '', fd3: 'status\n'})
    // Not asked: descriptor 3 is not open in the program.
    const closed = await runProcess({file: 'bash', args: ['-c', 'echo x >&3'], env, cwd: '/'})
    expect(closed.exitCode).toBe(1)
    expect(closed.stderr).toMatch(/Bad file descriptor/)
  })

  it('ends a command and all it started on timeout, and forgets it', async () => {
    const outcome = await runProcess({file: 'bash', args: ['-c', 'sleep 1000 & echo $!; wait'], env, cwd: '/'}, {timeoutMs: 500})
    expect(outcome.failure).toMatch(/timed out/)
    expect(outcome.timedOut).toBe(true)
    const child = Number(outcome.stdout.trim())
    expect(child).toBeGreaterThan(0)
    expect(isAlive(child)).toBe(false)
    expect(tracked().groups).toEqual([])
  })

  it('stops a started program with its whole group', async () => {
    const child = startProcess({file: 'bash', args: ['-c', 'sleep 1000 & sleep 1000'], env, cwd: '/'}, {dieWithParent: true})
    expect(tracked().groups).toContain(child.pid)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const members = groupMembers(child.pid!)
    expect(members.length).toBe(3)
    const stopped = await stopProcess(child, 300)
    expect(stopped.survivors).toEqual([])
    expect(members.filter((pid) => isAlive(pid))).toEqual([])
    expect(tracked().groups).not.toContain(child.pid)
  })
})
