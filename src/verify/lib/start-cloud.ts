import type {VerifyOptions} from '../../cli/lib/args.js'
import {EmulatorUnavailableError, dvcEmulatorSetup, gcloudEnv, startControlPlane, startGcsEmulator} from '../../cloud/index.js'
import type {CloudStarter} from './cloud-hooks.js'
import {InputError} from './input-error.js'
import {checkCloudEffects} from './cloud-effects.js'
import {exportedVariables} from './shell-variables-of.js'
import {loadCloudState, saveCloudState} from './cloud-state.js'

/** The cloud stand-ins for `--gcs`: a fake-gcs-server (container, binary or
 * the user's URL) and the control-plane stand-in, with the environment that
 * points the real gcloud and DVC at them. */
export function startCloudFor(options: Pick<VerifyOptions, 'gcs' | 'gcsUrl'>, io: {stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv}): CloudStarter {
  return async (sandbox) => {
    let emulator
    try {
      emulator = await startGcsEmulator({
        backend: options.gcs,
        env: io.env,
        ...(options.gcsUrl === undefined ? {} : {url: options.gcsUrl}),
        log: (message) => io.stderr.write(`docs-verify: ${message}\n`)
      })
    } catch (error) {
      // Nothing to verify against: say what to do, not a stack trace.
      const why = error instanceof EmulatorUnavailableError ? error.message : `the GCS emulator did not start: ${(error as Error).message}`
      throw new InputError(`the chapter uses Google Cloud Storage, and ${why}`)
    }
    let controlPlane
    try {
      controlPlane = await startControlPlane()
    } catch (error) {
      await emulator.stop()
      throw error
    }
    // Steps reach both at the same loopback address, also without a network of their own.
    for (const [endpoint, label] of [[emulator.endpoint, 'fake-gcs-server'], [controlPlane.endpoint, 'control plane']] as const) {
      const url = new URL(endpoint)
      if (url.port && ['127.0.0.1', 'localhost'].includes(url.hostname)) await sandbox.allowLocalPort(Number(url.port), label)
    }
    const env = {
      ...gcloudEnv({configDir: sandbox.paths.gcloud, storageEndpoint: emulator.endpoint, controlPlaneEndpoint: controlPlane.endpoint}),
      ...dvcEmulatorSetup({storageEndpoint: emulator.endpoint}).env
    }
    await loadCloudState(sandbox.root, emulator.endpoint, controlPlane.state)
    return {
      env,
      description: `fake-gcs-server (${emulator.backend}) at ${emulator.endpoint}, control plane at ${controlPlane.endpoint}`,
      async checkEffects(prepared, cwd) {
        const variables = await exportedVariables(sandbox.paths.stateFile)
        return checkCloudEffects(prepared, {endpoint: emulator.endpoint, gcloudConfigDir: sandbox.paths.gcloud, cwd, variables})
      },
      saveState: () => saveCloudState(sandbox.root, emulator.endpoint, controlPlane.state),
      async stop() {
        await Promise.allSettled([emulator.stop(), controlPlane.stop()])
      }
    }
  }
}
