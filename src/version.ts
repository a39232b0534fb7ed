import {readFileSync} from 'node:fs'

/** Set by the CLI bundle (scripts/bundle-cli.js), whose files do not sit
 * where package.json is relative to src/. */
declare const DOCS_VERIFY_VERSION: string | undefined

/** The package version: the bundle's, or read from package.json beside dist/ or src/. */
export const version: string =
  typeof DOCS_VERIFY_VERSION === 'string'
    ? DOCS_VERIFY_VERSION
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version
