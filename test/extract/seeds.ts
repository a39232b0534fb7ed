// Reads the real upstream chapters from ../shared/seeds (beside the checkout).
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

export const dataSeed = 'chapter-7-move-the-ml-experiment-data-to-the-cloud.md'
export const codeSeed = 'chapter-7-move-the-ml-experiment-code-to-the-cloud.md'

/** Absolute path of a seed chapter. */
export function seedPath(name: string): string {
  return fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url))
}

/** Whether the seeds are here; under CI=true their absence is a failure. */
export function seedsAvailable(): boolean {
  const present = existsSync(seedPath(dataSeed)) && existsSync(seedPath(codeSeed))
  if (!present && process.env.CI === 'true') {
    throw new Error(`CI=true but the seed chapters are missing: expected ${seedPath(dataSeed)} (the shared/ folder beside the checkout)`)
  }
  return present
}

/** Text of a seed chapter. */
export function readSeed(name: string): string {
  return readFileSync(seedPath(name), 'utf8')
}
