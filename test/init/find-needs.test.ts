import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/config/index.js'
import {makeGuide, runCli} from '../cli/run-cli.js'

const roots: string[] = []
afterAll(async () => {
  for (const root of roots) await rm(root, {recursive: true, force: true})
})

const fence = '```'
const chapter = [
  '# Chapter 1 - Get the tools',
  '',
  '## Steps',
  '',
  `${fence}sh title="Execute the following command(s) in a terminal"`,
  'curl -fsSL https://example.org/tool-1.2.tar.gz -o tool.tar.gz',
  'git clone https://github.com/example/project.git',
  'gh auth login',
  'docker run -d -p 8080:80 nginx',
  'docker run -p 8080:80 nginx',
  'pip install "torch==2.3.0" requests',
  'pip install requests',
  'python3 -m http.server 8000',
  fence,
  ''
].join('\n')

describe('docs-verify init finds what a guide needs (a small guide written here)', () => {
  it('curl, git clone, a login docs-verify cannot stand in for, servers, heavy pip', async () => {
    const root = await makeGuide([{name: 'chapter-1.md', text: chapter, title: 'Chapter 1 - Get the tools'}])
    roots.push(root)
    const result = await runCli(['init'], {cwd: root})
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/from 1 chapter: 2 downloads, 2 foreground servers, 1 login \(0 stood in by docs-verify\), 0 placeholders, 1 slow step/)
    const text = await readFile(path.join(root, 'docs-verify.config.yaml'), 'utf8')
    const {config, diagnostics} = parseConfig(text, 'docs-verify.config.yaml')
    expect(diagnostics).toEqual([])
    expect(config.standIns?.map((standIn) => [standIn.match, standIn.run])).toEqual([
      ['curl -fsSL https://example.org/tool-1.2.tar.gz -o tool.tar.gz', 'cp FILL-IN/tool.tar.gz tool.tar.gz'],
      ['git clone https://github.com/example/project.git', 'cp -r FILL-IN/project project'],
      ['docker run -p 8080:80 nginx', 'FILL-IN: start it in the background and check that it answers, or write skip: true instead of run'],
      ['python3 -m http.server 8000', 'FILL-IN: start it in the background and check that it answers, or write skip: true instead of run'],
      ['gh auth login', "FILL-IN: reach the login's end state without a browser"]
    ])
    expect(config.timeouts?.steps).toEqual({'chapter-1.md:5': 1800})
    expect(text).toMatch(/pip install of "torch==2\.3\.0"/)
  })
})
