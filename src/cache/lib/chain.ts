import type {SnapshotStore} from './store.js'

export interface ChainChapter {
  slug: string
  /** Key of the snapshot taken after this chapter (see `chainKeys`). */
  key: string
}

export interface ChainPlan {
  /** The newest chapter whose end state can be restored, or null. */
  restoreFrom: ChainChapter | null
  /** Slugs to run after restoring, in order. */
  run: string[]
}

/**
 * Decide where to resume a chain of chapters. Keys are chained, so the
 * newest chapter with a valid snapshot is the resume point: everything up to
 * it is skipped, everything after runs. Snapshots are checksum-verified here
 * (a corrupted one is deleted and the search goes on backwards).
 */
export async function planChain(
  chapters: readonly ChainChapter[],
  store: Pick<SnapshotStore, 'verify'>
): Promise<ChainPlan> {
  for (let index = chapters.length - 1; index >= 0; index--) {
    const chapter = chapters[index]!
    if (await store.verify(chapter.key)) {
      return {
        restoreFrom: {slug: chapter.slug, key: chapter.key},
        run: chapters.slice(index + 1).map((c) => c.slug)
      }
    }
  }
  return {restoreFrom: null, run: chapters.map((c) => c.slug)}
}
