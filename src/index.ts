/**
 * docs-verify as a library: each stage's public API. The stages pass plain
 * data (src/plan/types.ts) and can be used on their own.
 */
export type * from './plan/types.js'
export * as extract from './extract/index.js'
export * as plan from './plan/index.js'
export * as guide from './guide/index.js'
export * as lint from './lint/index.js'
export * as runner from './runner/index.js'
export * as compare from './compare/index.js'
export * as cloud from './cloud/index.js'
export * as report from './report/index.js'
export * as config from './config/index.js'
export * as cache from './cache/index.js'
export * as update from './update/index.js'
export {version} from './version.js'
