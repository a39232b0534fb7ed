/**
 * Process lifetime: starting, tracking and stopping every child process of
 * docs-verify, with one set of signal handlers (lifetime.ts), and the /proc
 * readers the runner uses to see what a block left running.
 */
export {trackCloser, trackGroup, trackKept, trackRoot, tracked, untrackGroup, untrackRoot} from './lib/lifetime.js'
export {reapOnKill, releaseOnKill} from './lib/reaper.js'
export type {Reapable} from './lib/reaper.js'
export {canTieToParent, definedEnv, groupAlive, runProcess, startProcess, stopProcess} from './lib/start-process.js'
export type {CommandOutcome, SpawnPlan, StartOptions} from './lib/start-process.js'
export {stopGroup} from './lib/stop-group.js'
export {addDescendants, groupMembers, isAlive, listeningPorts, listProcesses} from './lib/process-table.js'
export type {ProcessEntry} from './lib/process-table.js'
