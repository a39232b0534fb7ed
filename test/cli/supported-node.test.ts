/** The CLI refuses a Node.js older than package.json's "engines" in one clear line. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {minimumNodeMajor, unsupportedNode} from '../../src/cli/lib/supported-node.js'

describe('supported Node.js', () => {
  it('agrees with package.json "engines"', () => {
    const engines = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).engines.node as string
    expect(engines).toBe(`>=${minimumNodeMajor}`)
  })

  it('refuses Node 20 and 18, saying which Node it found and what to do', () => {
    expect(unsupportedNode('20.20.2')).toMatch(/needs Node\.js 22 or newer; this is Node\.js 20\.20\.2\. Install a current LTS/)
    expect(unsupportedNode('v18.0.0')).toContain('this is Node.js v18.0.0')
  })

  it('accepts Node 22, 24 and this process', () => {
    expect(unsupportedNode('22.12.0')).toBeUndefined()
    expect(unsupportedNode('24.11.1')).toBeUndefined()
    expect(unsupportedNode(process.versions.node)).toBeUndefined()
  })
})
