import {describe, expect, it} from 'vitest'
import {importContainerPackage, MissingContainerPackageError} from '../../src/cloud/lib/container-packages.js'

describe('the container backend\'s optional packages', () => {
  it('a package that is not installed gives the command that installs both (real module resolution)', async () => {
    const name = 'docs-verify-no-such-package'
    const attempt = importContainerPackage(name, () => import(/* @vite-ignore */ name))
    await expect(attempt).rejects.toBeInstanceOf(MissingContainerPackageError)
    await expect(attempt).rejects.toThrow('npm install --save-dev testcontainers @testcontainers/gcloud')
  })

  it('an installed package loads (testcontainers is a devDependency here)', async () => {
    const loaded = await importContainerPackage('testcontainers', () => import('testcontainers'))
    expect(typeof loaded.getContainerRuntimeClient).toBe('function')
  })
})
