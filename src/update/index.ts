export {rewriteExpectedBlocks, checkBlockUpdates} from './lib/rewrite-blocks.js'
export type {BlockUpdate} from './lib/rewrite-blocks.js'
export {writeFileAtomic} from './lib/write-file-atomic.js'
