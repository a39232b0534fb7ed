import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createSandbox, isAlive, ShellSession} from '../../src/runner/index.js'
import {requireTools} from './require-tools.js'
import {useSharedSession} from './session-fixture.js'

const ready = requireTools(['bash', 'git', 'python3'])

const shared = useSharedSession(ready)

describe.runIf(ready)('ShellSession: one terminal across blocks', () => {
  it('carries export, cd, functions, aliases and plain variables to the next block', async () => {
    const first = await shared.session.run({
      id: 'command@1',
      text: [
        'export GREETING="hello world"',
        'mkdir -p project/sub && cd project/sub',
        'greet() { echo "greet: $1"; }',
        "alias ll='echo listed'",
        'PLAIN=kept',
        "MULTI='line one",
        "line two'"
      ].join('\n')
    })
    expect(first.exitCode).toBe(0)
    const second = await shared.session.run({
      id: 'command@2',
      text: 'echo "$GREETING"\npwd\ngreet there\nll\necho "$PLAIN"\necho "$MULTI"\nenv | grep -c ^GREETING='
    })
    expect(second.exitCode).toBe(0)
    expect(second.output).toBe(
      `hello world\n${shared.sandbox.paths.work}/project/sub\ngreet: there\nlisted\nkept\nline one\nline two\n1\n`
    )
    expect(shared.session.cwd).toBe(path.join(shared.sandbox.paths.work, 'project', 'sub'))
    await shared.session.run({id: 'command@3', text: 'cd "$HOME/../work"\nunset GREETING PAGER'})
  })

  it('carries a real virtualenv activation (PATH, VIRTUAL_ENV, deactivate) and unset', async () => {
    const create = await shared.session.run({id: 'command@9', text: 'python3 -m venv --without-pip .venv'})
    expect(create.exitCode).toBe(0)
    const activate = await shared.session.run({id: 'command@10', text: 'source .venv/bin/activate'})
    expect(activate.exitCode).toBe(0)
    const use = await shared.session.run({id: 'command@11', text: 'command -v python\necho "$VIRTUAL_ENV"\necho "${GREETING-unset} ${PAGER-unset}"\ndeclare -F deactivate'})
    const venv = path.join(shared.sandbox.paths.work, '.venv')
    expect(use.output).toBe(`${venv}/bin/python\n${venv}\nunset unset\ndeactivate\n`)
    const off = await shared.session.run({id: 'command@12', text: 'deactivate'})
    expect(off.exitCode).toBe(0)
    const after = await shared.session.run({id: 'command@13', text: 'echo "${VIRTUAL_ENV-none}"\ncommand -v python3'})
    expect(after.output).not.toContain(venv)
    expect(after.output).toMatch(/^none\n\/.*python3\n$/)
  })

  it('stops the block at its first failing command, as a learner would, and reports its doc line', async () => {
    const result = await shared.session.run({
      id: 'command@20',
      file: 'chapter.md',
      line: 20,
      text: '# a comment\necho before\nls /no/such/dir\necho after\nfalse'
    })
    expect(result.exitCode).toBe(2)
    expect(result.failedCommand).toEqual({line: 3, command: 'ls /no/such/dir', exitCode: 2, docLine: 23})
    expect(result).toMatchObject({file: 'chapter.md', line: 20})
    expect(result.stdout).toBe('before\n')
    expect(result.stderr).toMatch(/No such file or directory/)
    // Apart streams interleave in arrival order: compare the order only
    // with mergeStreams (below).
    expect(result.output).toContain('before\n')
    expect(result.output).not.toContain('after')
  })

  it("shows bash's own messages as a terminal would, without sandbox paths", async () => {
    const result = await shared.session.run({id: 'command@25', text: 'echo ok\nnosuchcommand-docs-verify --version'})
    expect(result.stdout).toBe('ok\n')
    expect(result.stderr).toBe('bash: line 2: nosuchcommand-docs-verify: command not found\n')
    expect(result.failedCommand).toMatchObject({line: 2, exitCode: 127})
  })

  it('reports a failing command continued over lines at its first line', async () => {
    const result = await shared.session.run({id: 'command@22', text: 'echo start\nprintf "%s\\n" one \\\n  two | grep -q three\necho end'})
    expect(result.failedCommand).toEqual({line: 2, command: 'printf "%s\\n" one \\\n  two | grep -q three', exitCode: 1})
    expect(result.output).toBe('start\n')
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('does not count a false test at the end or `cmd | head` as a failure', async () => {
    const result = await shared.session.run({id: 'command@30', text: '[ -f nope ] && echo yes\nseq 1 100000 | head -n 1'})
    expect(result.failedCommand).toBeUndefined()
    expect(result.exitCode).toBe(0)
    expect(result.output).toBe('1\n')
  })

  it('saves the state when the block calls exit, and reports its status', async () => {
    const result = await shared.session.run({id: 'command@40', text: 'export AFTER_EXIT=yes\nexit 7\necho never'})
    expect(result.exitCode).toBe(7)
    expect(result.output).toBe('')
    const next = await shared.session.run({id: 'command@41', text: 'echo "$AFTER_EXIT"'})
    expect(next.output).toBe('yes\n')
  })

  it('gives steps a closed stdin: a prompt gets EOF and fails fast', async () => {
    const result = await shared.session.run({id: 'command@50', text: `python3 -c "input('Continue? [y/N] ')"`})
    expect(result.timedOut).toBe(false)
    expect(result.exitCode).toBe(1)
    expect(result.output).toMatch(/EOFError/)
    expect(result.failedCommand?.line).toBe(1)
  })

  it('uses real git with the sandbox identity, pinned dates and branch main', async () => {
    const result = await shared.session.run({
      id: 'command@60',
      text: 'mkdir -p repo && cd repo\ngit init -q\necho hi > a.txt\ngit add a.txt\ngit commit -q -m first\ngit log --format="%an <%ae> %ad" --date=iso-strict\ngit branch --show-current\ncd ..'
    })
    expect(result.exitCode).toBe(0)
    expect(result.output).toBe('docs-verify <docs-verify@example.com> 2024-01-01T00:00:00+00:00\nmain\n')
  })
})

describe.runIf(ready)('ShellSession: blocks that change the shell itself', () => {
  it('keeps the exact order of stdout and stderr with mergeStreams', async () => {
    const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
    const merged = new ShellSession(sandbox, {mergeStreams: true})
    try {
      const text = Array.from({length: 20}, (_, index) => `echo out${index}; echo err${index} >&2`).join('\n')
      const result = await merged.run({id: 'command@1', text})
      expect(result.output).toBe(Array.from({length: 20}, (_, index) => `out${index}\nerr${index}\n`).join(''))
      expect(result.stderr).toBe('')
    } finally {
      await merged.close()
      await sandbox.dispose()
    }
  })

  it('says what a shell that ended before answering printed', async () => {
    const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
    const state = path.join(sandbox.paths.run, 'broken-state.sh')
    await writeFile(state, 'echo "the state could not load" >&2\nexit 3\n')
    const session = new ShellSession(sandbox, {mergeStreams: true, stateFile: state})
    try {
      await expect(session.run({id: 'command@1', text: 'echo never'})).rejects.toThrow(/the shell did not start \(bash (?:ended|did not answer)\); state file .*broken-state\.sh; it printed: the state could not load/)
    } finally {
      await session.close()
      await sandbox.dispose()
    }
  })

  it('keeps the wrapper out of a `set -x` trace and carries state to the next chapter', async () => {
    const sandbox = await createSandbox({pipCacheDir: '/tmp/docs-verify-test-pip'})
    const first = new ShellSession(sandbox)
    try {
      const traced = await first.run({id: 'command@1', text: 'set -x\nexport CHAPTER_ONE=done\nmkdir -p next && cd next\nfalse'})
      // The depth marks differ (the block is sourced: `++`); the lines do not.
      expect(traced.stderr.replace(/^\++ /gm, '+ ')).toBe('+ export CHAPTER_ONE=done\n+ CHAPTER_ONE=done\n+ mkdir -p next\n+ cd next\n+ false\n')
      expect(traced.failedCommand?.line).toBe(4)
      await first.close()
      // A new session on the same sandbox is the next chapter: same terminal.
      const second = new ShellSession(sandbox)
      expect(second.cwd).toBe(path.join(sandbox.paths.work, 'next'))
      const next = await second.run({id: 'command@1', text: 'echo "$CHAPTER_ONE $(basename "$PWD")"\r\n'})
      expect(next.output).toBe('done next\n')
      await second.close()
    } finally {
      await sandbox.dispose()
    }
  })
})
