import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createSandbox, ShellSession} from '../../src/runner/index.js'
import type {Sandbox} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'

const ready = requireTools(['bash'])

/** A fresh sandbox and session for one test, its shell started by a first
 * block (a block asked for while the shell starts waits for it). */
async function withSession(test: (session: ShellSession, sandbox: Sandbox) => Promise<void>, options: ConstructorParameters<typeof ShellSession>[1] = {}): Promise<void> {
  const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
  const session = new ShellSession(sandbox, {killGraceMs: 300, ...options})
  try {
    expect((await session.run({id: 'start', text: 'mkdir -p d'})).exitCode).toBe(0)
    await test(session, sandbox)
  } finally {
    await session.close().catch(() => undefined)
    await sandbox.dispose()
  }
}

/** What bash will source next, read from inside a block: the block sent
 * ahead, or what an earlier block left there. */
const peekNextBlock = 'sleep 0.2; cat "$__dv_D/block-$(((__dv_seq + 1) % 2)).sh"'

describe.runIf(ready)('ShellSession: a block asked for while another runs is sent ahead', () => {
  it('sends the next block while one runs, and each gets its own output, status and state', async () => {
    await withSession(async (session) => {
      const first = session.run({id: 'first', text: `export FROM_FIRST=1\ncd d\necho one\n${peekNextBlock}`})
      const second = session.run({id: 'second', text: 'echo "two $FROM_FIRST ${PWD##*/}"\nfalse\necho never'})
      const [one, two] = await Promise.all([first, second])
      expect(one.exitCode).toBe(0)
      // The second block was in its file while the first still ran.
      expect(one.output).toBe('one\necho "two $FROM_FIRST ${PWD##*/}"\nfalse\necho never\n')
      expect(two.output).toBe('two 1 d\n')
      expect(two.exitCode).toBe(1)
      expect(two.failedCommand).toMatchObject({line: 2, command: 'false'})
    })
  })

  it('keeps a block that prints more than a pipe holds apart from the block after it', async () => {
    await withSession(async (session) => {
      // 200 KiB, then the next block prints at once: the reads meet both.
      const big = session.run({id: 'big', text: 'head -c 204800 /dev/zero | tr "\\0" x; echo'})
      const small = session.run({id: 'small', text: 'echo small; echo err >&2'})
      const [bigResult, smallResult] = await Promise.all([big, small])
      expect(bigResult.output).toBe(`${'x'.repeat(204800)}\n`)
      expect(smallResult.output).toBe('small\nerr\n')
    })
  })

  it('keeps stdout and stderr of two blocks apart when the streams are not merged', async () => {
    await withSession(
      async (session) => {
        const first = session.run({id: 'first', text: 'echo out1; echo err1 >&2; sleep 0.1; echo out1b'})
        const second = session.run({id: 'second', text: 'echo err2 >&2; echo out2'})
        const [one, two] = await Promise.all([first, second])
        expect([one.stdout, one.stderr]).toEqual(['out1\nout1b\n', 'err1\n'])
        expect([two.stdout, two.stderr]).toEqual(['out2\n', 'err2\n'])
      },
      {mergeStreams: false}
    )
  })

  it('does not send a block ahead past a file step or a saved state: it sees what they did', async () => {
    await withSession(async (session, sandbox) => {
      const first = session.run({id: 'first', text: peekNextBlock})
      const written = session.writeFileStep({id: 'file', path: 'note.txt', text: 'written\n', mode: 'full'})
      const second = session.run({id: 'second', text: 'cat note.txt'})
      const [one, file, two] = await Promise.all([first, written, second])
      expect(file.status).toBe('written')
      // The file the first block looked at held the start block, not the second.
      expect(one.output).not.toContain('cat note.txt')
      expect(two.output).toBe('written\n')
      expect(fs.readFileSync(path.join(sandbox.paths.work, 'note.txt'), 'utf8')).toBe('written\n')
    })
  })

  it('runs a block sent ahead of an `exit` in the new shell, with the state the old one had', async () => {
    await withSession(async (session) => {
      const first = session.run({id: 'first', text: 'export KEPT=yes\necho $$\nexit 4'})
      const second = session.run({id: 'second', text: 'echo "$KEPT $$"\necho second >> order.txt'})
      const one = await first
      // Asked while the new shell starts (about 40 ms), before the second
      // block is sent to it again: the third must wait its turn.
      await new Promise((resolve) => setTimeout(resolve, 10))
      const third = session.run({id: 'third', text: 'echo third >> order.txt\ncat order.txt'})
      const two = await second
      expect((await third).output).toBe('second\nthird\n')
      expect(one.exitCode).toBe(4)
      expect(one.shellEnded?.how).toBe('exit')
      const [kept, pid] = two.output.split('\n')[0]!.split(' ')
      expect(kept).toBe('yes')
      expect(pid).not.toBe(one.output.trim())
      expect(two.exitCode).toBe(0)
    })
  })

  it('stops only the block that timed out: the block sent after it runs whole', async () => {
    await withSession(async (session) => {
      const hung = session.run({id: 'hung', text: 'echo waiting\nsleep 30\necho never', timeoutMs: 700})
      const next = session.run({id: 'next', text: 'sleep 0.3\necho "next ran"'})
      const [stopped, after] = await Promise.all([hung, next])
      expect(stopped.timedOut).toBe(true)
      expect(stopped.hang).toMatchObject({line: 2, command: 'sleep 30'})
      expect(after.timedOut).toBe(false)
      expect(after.exitCode).toBe(0)
      expect(after.output).toBe('next ran\n')
    })
  })

  it('ignores a timeout signal for a block that already ended (the abort file names another)', async () => {
    await withSession(async (session, sandbox) => {
      // The signal comes while the second block runs; the abort file names the first.
      const first = session.run({id: 'first', text: 'echo "$$ $__dv_D" > shell.info'})
      const second = session.run({id: 'second', text: 'sleep 0.5\necho "second whole"'})
      await first
      const [pid = '', blocks = ''] = fs.readFileSync(path.join(sandbox.paths.work, 'shell.info'), 'utf8').trim().split(' ')
      fs.writeFileSync(path.join(blocks, 'abort'), '1\n')
      await new Promise((resolve) => setTimeout(resolve, 150))
      // Only a bash in this sandbox's work directory is signalled (in a PID
      // namespace the shell knows itself by another number).
      const shell = Number(pid)
      const ours = fs.readFileSync(`/proc/${shell}/cmdline`, 'utf8').startsWith('bash') && fs.realpathSync(`/proc/${shell}/cwd`) === fs.realpathSync(sandbox.paths.work)
      expect(ours).toBe(true)
      process.kill(shell, 'SIGUSR1')
      const result = await second
      expect(result.exitCode).toBe(0)
      expect(result.output).toBe('second whole\n')
    })
  })

  it('holds the next block until the job a block left running is looked at, and keeps the job out of it', async () => {
    await withSession(async (session) => {
      const first = session.run({id: 'first', text: '(sleep 0.4; echo late-from-job) &\necho started'})
      const second = session.run({id: 'second', text: 'echo second'})
      const third = session.run({id: 'third', text: 'sleep 0.8\necho third'})
      const [one, two, three] = await Promise.all([first, second, third])
      expect(one.output).toBe('started\n')
      expect(one.leftRunning).toHaveLength(1)
      expect(two.output).toBe('second\n')
      expect(two.leftRunning).toBeUndefined()
      expect(three.output).toBe('third\n')
    })
  })
})
