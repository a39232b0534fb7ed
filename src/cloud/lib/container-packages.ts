/**
 * testcontainers and @testcontainers/gcloud are optional peer dependencies:
 * 50 MB that only the container backend of the GCS emulator uses, so a
 * guide's repository installs them only when it asks for `--gcs container`.
 */
export const containerPackagesInstall = 'npm install --save-dev testcontainers @testcontainers/gcloud'

/** An optional package the container backend needs is not installed. */
export class MissingContainerPackageError extends Error {
  constructor(name: string) {
    super(
      `the container backend needs the optional package ${name}, which is not installed: run \`${containerPackagesInstall}\` ` +
        'beside docs-verify (they need Node >= 22.22), or use `--gcs binary`'
    )
    this.name = 'MissingContainerPackageError'
  }
}

/** `load` is `() => import(name)`, written at the call site so types and
 * bundlers see the literal specifier. */
export async function importContainerPackage<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes(name)) {
      throw new MissingContainerPackageError(name)
    }
    throw error
  }
}
