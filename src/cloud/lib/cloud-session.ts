import {checkCloudEffects} from './cloud-effects.js'
import type {ChapterCommands, EffectCheck} from './cloud-effects.js'
import {startControlPlane} from './control-plane.js'
import type {ControlPlane} from './control-plane.js'
import {dvcEmulatorSetup} from './dvc-emulator-setup.js'
import {EmulatorUnavailableError, startGcsEmulator} from './emulator.js'
import type {StartGcsEmulatorOptions} from './emulator.js'
import {gcloudEnv} from './gcloud-env.js'
import {loadCloudState, saveCloudState} from './state-snapshot.js'

/** How to run the cloud stand-ins (the CLI's `--gcs` and `--gcs-url`). */
export interface CloudOptions {
  /** `auto` tries a container, then the fake-gcs-server binary; `url` uses one the user runs. */
  gcs: NonNullable<StartGcsEmulatorOptions['backend']>
  /** For `gcs: 'url'`: the emulator's base URL. */
  gcsUrl?: string
  /** Where fake-gcs-server, go and the container runtime are looked up (the user's environment). */
  env: NodeJS.ProcessEnv
  /** One line per call: which backend started, what was installed. */
  log?: (message: string) => void
}

/** What a session needs of the sandbox it serves. */
export interface CloudSandbox {
  /** The folder a chapter snapshot carries: the cloud's state is saved
   * under it and loaded from it. */
  root: string
  /** CLOUDSDK_CONFIG of the learner's shell. */
  gcloudConfigDir: string
  /** Let the sandbox's steps reach a loopback port. */
  allowLocalPort(port: number, label: string): Promise<void>
}

/** A chapter as the effect check reads it, where it left the learner. */
export interface ChapterAfterRun extends ChapterCommands {
  cwd: string
  /** What the learner's shell exported by the end of the chapter. */
  variables: ReadonlyMap<string, string>
}

/** The cloud stand-ins of one sandbox (one per chain: each `--jobs`
 * worker has its own). */
export interface CloudSession {
  /** Forced before every block: endpoints, CLOUDSDK_CONFIG, ... */
  env: Record<string, string>
  /** What a chapter promises of the cloud, checked against the stand-ins. */
  checkEffects(chapter: ChapterAfterRun): Promise<EffectCheck[]>
  /** Write buckets, objects and projects into the sandbox (before a snapshot). */
  saveState(): Promise<void>
  /** Idempotent; the user's own emulator (`gcs: 'url'`) keeps running. */
  stop(): Promise<void>
}

/** No emulator could start: the message says what to install or pass. */
export class CloudUnavailableError extends Error {
  override name = 'CloudUnavailableError'
}

/**
 * Start a fake-gcs-server (container, binary or the user's URL) and the
 * control-plane stand-in for one sandbox, with the environment that points
 * the real gcloud and DVC at them. The session starts from the state the
 * sandbox carries (a restored snapshot's buckets and projects), so a chain
 * restored at chapter 6 sees what chapters 1-6 left in the cloud.
 */
export async function startCloudSession(options: CloudOptions, sandbox: CloudSandbox): Promise<CloudSession> {
  let emulator
  try {
    emulator = await startGcsEmulator({
      backend: options.gcs,
      env: options.env,
      ...(options.gcsUrl === undefined ? {} : {url: options.gcsUrl}),
      ...(options.log ? {log: options.log} : {})
    })
  } catch (error) {
    // Nothing to verify against: say what to do, not a stack trace.
    const why = error instanceof EmulatorUnavailableError ? error.message : `the GCS emulator did not start: ${(error as Error).message}`
    throw new CloudUnavailableError(`the chapter uses Google Cloud Storage, and ${why}`)
  }
  let controlPlane: ControlPlane
  try {
    controlPlane = await startControlPlane()
  } catch (error) {
    await emulator.stop()
    throw error
  }
  const endpoint = emulator.endpoint
  const stop = async (): Promise<void> => {
    await Promise.allSettled([emulator.stop(), controlPlane.stop()])
  }
  try {
    // Steps reach both at the same loopback address, also without a network of their own.
    for (const [url, label] of [[endpoint, 'fake-gcs-server'], [controlPlane.endpoint, 'control plane']] as const) {
      const {hostname, port} = new URL(url)
      if (port && ['127.0.0.1', 'localhost'].includes(hostname)) await sandbox.allowLocalPort(Number(port), label)
    }
    await loadCloudState(sandbox.root, endpoint, controlPlane.state)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    env: {
      ...gcloudEnv({configDir: sandbox.gcloudConfigDir, storageEndpoint: endpoint, controlPlaneEndpoint: controlPlane.endpoint}),
      ...dvcEmulatorSetup({storageEndpoint: endpoint}).env
    },
    checkEffects: ({cwd, variables, ...chapter}) => checkCloudEffects(chapter, {endpoint, gcloudConfigDir: sandbox.gcloudConfigDir, cwd, variables}),
    saveState: () => saveCloudState(sandbox.root, endpoint, controlPlane.state),
    stop
  }
}
