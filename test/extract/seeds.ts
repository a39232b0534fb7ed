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

/** The seed guide (mkdocs.yml + docs) at the seed's commit. */
export const seedGuideDir = fileURLToPath(new URL('../../../shared/seeds/a-guide-to-mlops-6f332358/', import.meta.url))

/** Chapters 1-7 of the seed guide, as its docs folder names them. */
export const seedGuideChapters = {
  1: 'part-1-local-training-and-model-evaluation/chapter-1-run-a-simple-ml-experiment-with-jupyter-notebook.md',
  2: 'part-1-local-training-and-model-evaluation/chapter-2-adapt-and-move-the-jupyter-notebook-to-python-scripts.md',
  3: 'part-1-local-training-and-model-evaluation/chapter-3-initialize-git-and-dvc-for-local-training.md',
  4: 'part-1-local-training-and-model-evaluation/chapter-4-reproduce-the-ml-experiment-with-dvc.md',
  5: 'part-1-local-training-and-model-evaluation/chapter-5-track-model-evolution-with-dvc.md',
  6: 'part-2-move-the-model-to-the-cloud/chapter-6-move-the-ml-experiment-code-to-the-cloud.md',
  7: 'part-2-move-the-model-to-the-cloud/chapter-7-move-the-ml-experiment-data-to-the-cloud.md'
} as const

/** Whether the seed guide is here; under CI=true its absence is a failure. */
export function seedGuideAvailable(): boolean {
  const present = existsSync(`${seedGuideDir}mkdocs.yml`)
  if (!present && process.env.CI === 'true') {
    throw new Error(`CI=true but the seed guide is missing: expected ${seedGuideDir}mkdocs.yml (the shared/ folder beside the checkout)`)
  }
  return present
}

/** Text of a chapter of the seed guide (path under its docs folder). */
export function readSeedGuide(chapter: string): string {
  return readFileSync(`${seedGuideDir}docs/${chapter}`, 'utf8')
}
