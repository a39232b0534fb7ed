export {canonicalJson} from './lib/canonical-json.js'
export {snapshotKey, chainKeys} from './lib/key.js'
export type {SnapshotKeyInput} from './lib/key.js'
export {openSnapshotStore, defaultSnapshotDir} from './lib/store.js'
export type {
  RestoreOptions,
  SnapshotInfo,
  SnapshotMeta,
  SnapshotProblem,
  SnapshotStats,
  SnapshotStore,
  SnapshotStoreOptions
} from './lib/store.js'
export {planChain} from './lib/chain.js'
export type {ChainChapter, ChainPlan} from './lib/chain.js'
export {hashFile} from './lib/file-hash.js'
export {replaceBytes} from './lib/replace-bytes.js'
export type {FileDigest} from './lib/file-hash.js'
