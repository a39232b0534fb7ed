import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createSandbox, isAlive, ShellSession} from '../../src/runner/index.js'
import type {Sandbox} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'

const ready = requireTools(['bash'])

/** A fresh sandbox and session for one test (these tests end shells). */
async function withSession(test: (session: ShellSession, sandbox: Sandbox) => Promise<void>, options: ConstructorParameters<typeof ShellSession>[1] = {}): Promise<void> {
  const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
  const session = new ShellSession(sandbox, {killGraceMs: 300, ...options})
  try {
    await test(session, sandbox)
  } finally {
    await session.close().catch(() => undefined)
    await sandbox.dispose()
  }
}

describe.runIf(ready)('ShellSession: one persistent shell', () => {
  it('runs every block in the same bash process', async () => {
    await withSession(async (session) => {
      const first = await session.run({id: 'command@1', text: 'echo $$'})
      const second = await session.run({id: 'command@2', text: 'echo $$'})
      expect(first.output).toMatch(/^\d+\n$/)
      expect(second.output).toBe(first.output)
    })
  })

  it('handles `exit 3`: the block fails at that line, and the next shell has the same variables, functions, aliases and directory', async () => {
    await withSession(async (session, sandbox) => {
      await session.run({id: 'command@1', text: "export KEPT=yes\nhello() { echo hi; }\nalias hey='echo hey'\nmkdir -p deep && cd deep\necho $$"})
      const result = await session.run({id: 'command@10', line: 10, text: 'echo before\nexit 3\necho never'})
      expect(result.exitCode).toBe(3)
      expect(result.output).toBe('before\n')
      expect(result.failedCommand).toEqual({line: 2, command: 'exit 3', exitCode: 3, docLine: 12})
      expect(result.shellEnded).toMatchObject({how: 'exit', stateKept: true})
      expect(result.shellEnded?.message).toMatch(/line 2 \(`exit 3`\) ended the shell with status 3/)
      const next = await session.run({id: 'command@20', text: 'echo "$KEPT"\nhello\nhey\npwd'})
      expect(next.output).toBe(`yes\nhi\nhey\n${path.join(sandbox.paths.work, 'deep')}\n`)
      expect(session.cwd).toBe(path.join(sandbox.paths.work, 'deep'))
    })
  })

  it('handles `exit 0` and `set -e` the same way: a new shell with the state', async () => {
    await withSession(async (session) => {
      const clean = await session.run({id: 'command@1', text: 'export A=1\nexit 0'})
      expect(clean.exitCode).toBe(0)
      expect(clean.failedCommand).toBeUndefined()
      expect(clean.shellEnded?.how).toBe('exit')
      const strict = await session.run({id: 'command@2', text: 'set -e\nexport B=2\nfalse\necho never'})
      expect(strict.exitCode).toBe(1)
      expect(strict.failedCommand).toMatchObject({line: 3, command: 'false', exitCode: 1})
      expect(strict.shellEnded?.how).toBe('exit')
      const next = await session.run({id: 'command@3', text: 'echo "$A $B"\nfalse\necho "set -e did not carry"'})
      expect(next.output).toBe('1 2\n')
      expect(next.shellEnded).toBeUndefined()
    })
  })

  it('recovers from a builtin infinite loop: the same shell, the state kept, the loop named', async () => {
    await withSession(async (session) => {
      const pid = (await session.run({id: 'command@1', text: 'echo $$'})).output
      const result = await session.run({id: 'command@5', line: 5, timeoutMs: 800, text: 'export BEFORE=kept\nspin() { while :; do :; done; }\nspin\necho never'})
      expect(result.timedOut).toBe(true)
      expect(result.hang).toMatchObject({reason: 'still-running', line: 3, command: 'spin', docLine: 8})
      expect(result.shellEnded).toBeUndefined()
      const next = await session.run({id: 'command@9', text: 'echo "$BEFORE"\necho $$'})
      expect(next.output).toBe(`kept\n${pid}`)
    })
  })

  it('ends a shell that ignores the interrupt, keeping what it had (its EXIT trap saves the state)', async () => {
    // A grace long enough for the EXIT trap's save on a loaded machine: cut
    // by SIGKILL, the state is not kept (the next test).
    await withSession(
      async (session) => {
        const result = await session.run({id: 'command@1', timeoutMs: 800, text: "export SAVED=yes\ntrap '' USR1\nwhile :; do :; done"})
        expect(result.timedOut).toBe(true)
        // The shell did not answer: it cannot say which line it was on.
        expect(result.shellEnded).toMatchObject({how: 'killed', stateKept: true})
        const next = await session.run({id: 'command@2', text: 'echo "$SAVED"'})
        expect(next.output).toBe('yes\n')
      },
      {killGraceMs: 2000}
    )
  })

  it('does not take a state cut short (a shell killed while it saved) for the state it had', async () => {
    await withSession(async (session) => {
      const first = await session.run({id: 'command@1', text: 'export KEPT=chapter\necho "$__dv_D"'})
      await session.saveState()
      // What a SIGKILL in the middle of the EXIT trap's save leaves: no end line.
      fs.writeFileSync(path.join(first.output.trim(), 'state-at-exit.sh'), 'export PARTIAL=cut\n')
      const died = await session.run({id: 'command@2', text: 'export KEPT=later\nkill -9 $$'})
      expect(died.shellEnded).toMatchObject({how: 'died', stateKept: false})
      const next = await session.run({id: 'command@3', text: 'echo "${PARTIAL-none} $KEPT"'})
      expect(next.output).toBe('none chapter\n')
    })
  })

  it('restores the state saved at the chapter start when the shell was replaced (`exec`), and says what was lost', async () => {
    await withSession(async (session) => {
      await session.run({id: 'command@1', text: 'export CHAPTER_ONE=done'})
      await session.endChapter()
      await session.run({id: 'command@2', text: 'export LOST=yes'})
      const result = await session.run({id: 'command@3', timeoutMs: 800, text: 'echo serving\nexec sleep 1000'})
      expect(result.timedOut).toBe(true)
      expect(result.hang).toMatchObject({line: 2, command: 'exec sleep 1000'})
      expect(result.shellEnded).toMatchObject({how: 'died', stateKept: false})
      expect(result.shellEnded?.message).toMatch(/restored from the state saved at the start of the chapter/)
      const next = await session.run({id: 'command@4', text: 'echo "${CHAPTER_ONE-} ${LOST-lost}"'})
      expect(next.output).toBe('done lost\n')
    })
  })

  it('runs a concurrent step as a copy of the terminal and reports how it ended', async () => {
    await withSession(async (session) => {
      await session.run({id: 'command@1', text: 'export PORT=8123\nmkdir -p srv && cd srv\nlabel() { echo "label $1"; }'})
      const quick = await session.run({id: 'command@2', concurrent: true, text: 'echo "$PORT $(basename "$PWD")"\nlabel x\nexit 4'})
      expect(quick.background?.pid).toBeGreaterThan(0)
      const server = await session.run({id: 'command@3', concurrent: true, text: 'echo up\nsleep 1000'})
      // The foreground goes on meanwhile, in the same terminal.
      const meanwhile = await session.run({id: 'command@4', text: 'echo "$PORT"'})
      expect(meanwhile.output).toBe('8123\n')
      const deadline = Date.now() + 5000
      while (isAlive(quick.background!.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
      const reports = await session.endChapter()
      expect(reports).toEqual([
        expect.objectContaining({id: 'command@2', output: '8123 srv\nlabel x\n', exitCode: 4, stoppedAtClose: false, signal: null}),
        expect.objectContaining({id: 'command@3', stoppedAtClose: true, exitCode: null})
      ])
      expect(isAlive(server.background!.pid)).toBe(false)
      // The shell is still there for the next chapter.
      expect((await session.run({id: 'command@5', text: 'echo "$PORT"'})).output).toBe('8123\n')
    })
  })

  it('caps a runaway output, keeping its head and tail, and keeps the next block clean', async () => {
    await withSession(
      async (session) => {
        const result = await session.run({id: 'command@1', text: 'seq 1 200000\necho done >&2'})
        expect(result.truncated).toBe(true)
        expect(result.output.startsWith('1\n2\n3\n')).toBe(true)
        expect(result.output.endsWith('200000\ndone\n')).toBe(true)
        expect(result.output).toMatch(/\[docs-verify: \d+ bytes of output omitted\]/)
        expect(result.output.length).toBeLessThan(70_000)
        const next = await session.run({id: 'command@2', text: 'echo next'})
        expect(next.output).toBe('next\n')
        expect(next.truncated).toBe(false)
      },
      {maxOutputBytes: 64 * 1024, mergeStreams: true}
    )
  })

  // The job waits before printing: what it prints while its own block runs
  // belongs to that block, as on a terminal.
  it('keeps the output of a job left running out of the next blocks', async () => {
    await withSession(async (session, sandbox) => {
      const started = await session.run({id: 'command@1', text: '( sleep 0.3; for i in 1 2 3 4 5 6; do echo "job $i"; sleep 0.2; done ) &\necho started'})
      expect(started.output).toBe('started\n')
      expect(started.leftRunning).toHaveLength(1)
      const next = await session.run({id: 'command@2', text: 'sleep 1.5\necho next'})
      expect(next.output).toBe('next\n')
      expect(fs.readFileSync(path.join(sandbox.paths.run, 'left-running.log'), 'utf8')).toMatch(/job 6/)
    })
  })

  // A job the shell does not know (its subshell ended) still writes to the
  // terminal: what it printed between two blocks belongs to neither.
  it('keeps what a job the shell cannot see printed between blocks out of the next block', async () => {
    await withSession(async (session, sandbox) => {
      const started = await session.run({id: 'command@1', text: '( ( sleep 0.2; echo "late line" ) & )\necho started'})
      expect(started.output).toBe('started\n')
      expect(started.leftRunning).toBeUndefined()
      await new Promise((resolve) => setTimeout(resolve, 800))
      const next = await session.run({id: 'command@2', text: 'echo next'})
      expect(next.output).toBe('next\n')
      expect(fs.readFileSync(path.join(sandbox.paths.run, 'left-running.log'), 'utf8')).toMatch(/late line/)
    })
  })

  it('reports a block bash cannot parse at the line bash names', async () => {
    await withSession(async (session) => {
      const result = await session.run({id: 'command@1', line: 40, text: 'echo one\nif then\necho two'})
      expect(result.exitCode).toBe(2)
      expect(result.failedCommand).toMatchObject({line: 2, exitCode: 2, docLine: 42})
      expect(result.output).toMatch(/^bash: line 2: syntax error/m)
      const next = await session.run({id: 'command@2', text: 'echo fine'})
      expect(next.output).toBe('fine\n')
    })
  })

  it('does not let `return` or a removed trap in a block disturb the terminal', async () => {
    await withSession(async (session) => {
      const result = await session.run({id: 'command@1', text: "trap - ERR\nreturn 0\necho never"})
      expect(result.exitCode).toBe(0)
      const next = await session.run({id: 'command@2', text: 'false\necho never'})
      expect(next.failedCommand).toMatchObject({line: 1, command: 'false'})
      expect(next.output).toBe('')
    })
  })
})
