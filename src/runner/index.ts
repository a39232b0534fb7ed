/**
 * The run stage: a sandbox like a learner's machine and a terminal that
 * carries state across blocks. It consumes plain data (block text, file
 * contents) and knows nothing of Markdown.
 */
export {createSandbox} from './lib/sandbox.js'
export type {CommandOptions, Sandbox, SandboxIsolation, SandboxOptions} from './lib/sandbox.js'
export {resolveSandboxMode} from './lib/sandbox-mode.js'
export type {RequestedSandboxMode, ResolvedSandboxMode, SandboxMode} from './lib/sandbox-mode.js'
export {alwaysDeniedHosts, defaultAllowedHosts, defaultNetworkPolicy, describeNetworkPolicy, networkDecision} from './lib/network-policy.js'
export type {NetworkPolicy} from './lib/network-policy.js'
export type {SpawnPlan} from '../process/index.js'
export {buildSandboxEnv, defaultPipCacheDir, passThroughEnv, pinnedGitDate} from './lib/sandbox-env.js'
export type {SandboxPaths} from './lib/sandbox-env.js'
export {ShellSession} from './lib/shell-session.js'
export type {ShellSessionOptions} from './lib/shell-session.js'
export {runSetup} from './lib/setup.js'
export {runInSandbox} from './lib/run-in-sandbox.js'
export {SandboxError} from './lib/sandbox-error.js'
export type {SetupInput, SetupResult} from './lib/setup.js'
export {applyFileStep} from './lib/file-step.js'
export type {FileStepInput} from './lib/file-step.js'
export {classifyHang} from './lib/classify-hang.js'
export {groupMembers, isAlive, listeningPorts, stopGroup} from '../process/index.js'
export type {
  BackgroundReport,
  CommandInput,
  CommandResult,
  FailedCommand,
  FileStepResult,
  FileStepStatus,
  HangInfo,
  HangReason,
  ShellEnded
} from './lib/types.js'
