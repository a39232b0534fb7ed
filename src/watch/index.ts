export {watchChapters} from './lib/watch-chapters.js'
export type {ChapterWatcher, WatchOptions} from './lib/watch-chapters.js'
