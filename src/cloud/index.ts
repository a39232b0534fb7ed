export {startCloudSession, CloudUnavailableError} from './lib/cloud-session.js'
export type {ChapterAfterRun, CloudOptions, CloudSandbox, CloudSession} from './lib/cloud-session.js'
export {checkCloudEffects} from './lib/cloud-effects.js'
export type {ChapterCommands, EffectCheck, EffectContext} from './lib/cloud-effects.js'
export {needsCloud} from './lib/needs-cloud.js'
export {bindSandboxPlaceholders, builtInStandIns} from './lib/sandbox-stand-ins.js'
export {parseGsUrl} from './lib/gs-url.js'
export type {GsUrl} from './lib/gs-url.js'
export {loadCloudState, saveCloudState} from './lib/state-snapshot.js'
export {startGcsEmulator, EmulatorUnavailableError} from './lib/emulator.js'
export type {StartGcsEmulatorOptions} from './lib/emulator.js'
export type {GcsEmulator, EmulatorBackend, EmulatorLog} from './lib/emulator-types.js'
export {startBinaryEmulator, binaryArguments} from './lib/emulator-binary.js'
export type {BinaryEmulatorOptions} from './lib/emulator-binary.js'
export {
  FAKE_GCS_SERVER_MODULE,
  FAKE_GCS_SERVER_VERSION,
  cachedBinaryPath,
  goInstallCommand,
  locateFakeGcsServer,
  provisionFakeGcsServer
} from './lib/emulator-binary-locate.js'
export type {ProvisionResult} from './lib/emulator-binary-locate.js'
export {
  FAKE_GCS_SERVER_IMAGE,
  ownerLabel,
  ContainerRuntimeUnavailableError,
  ContainerStartError,
  probeContainerRuntime,
  startContainerEmulator,
  testcontainersRuntime
} from './lib/emulator-container.js'
export type {ContainerRuntime, ContainerEmulatorOptions, RuntimeProbe, StartedGcsContainer} from './lib/emulator-container.js'
export {connectUrlEmulator} from './lib/emulator-url.js'
export {isHealthy, resetEmulator, waitForHealthy} from './lib/emulator-health.js'
export {defaultCacheDir} from './lib/cache-dir.js'
export {startControlPlane, controlPlaneEndpoints, CONTROL_PLANE_PREFIXES} from './lib/control-plane.js'
export type {ControlPlane, ControlPlaneOptions, UnknownControlPlaneRequest} from './lib/control-plane.js'
export {DEFAULT_BILLING_ACCOUNTS} from './lib/control-plane-state.js'
export type {ControlPlaneState, FakeBillingAccount, FakeOperation, FakeProject} from './lib/control-plane-state.js'
export {isBillingAccountId, projectIdProblem} from './lib/control-plane-validate.js'
export {gcloudEnv} from './lib/gcloud-env.js'
export type {GcloudEnvOptions} from './lib/gcloud-env.js'
export {cloudStandIns, findCloudStandIn, STAND_IN_ACCOUNT} from './lib/interactive-stand-ins.js'
export type {CloudStandIn} from './lib/interactive-stand-ins.js'
export {dvcEmulatorSetup} from './lib/dvc-emulator-setup.js'
export type {DvcEmulatorSetup, DvcEmulatorSetupOptions} from './lib/dvc-emulator-setup.js'
export {validateBucketName} from './lib/effects-bucket-name.js'
export type {BucketNameCheck} from './lib/effects-bucket-name.js'
export {checkBucket} from './lib/effects-bucket.js'
export type {BucketCheck} from './lib/effects-bucket.js'
export {checkDvcPushed, dvcObjectName} from './lib/effects-dvc-pushed.js'
export type {DvcPushCheck, TrackedMd5} from './lib/effects-dvc-pushed.js'
export {readDvcRemotes, readTrackedMd5s} from './lib/effects-dvc-repo.js'
export type {DvcRemote} from './lib/effects-dvc-repo.js'
export {checkApplicationDefaultCredentials} from './lib/effects-adc.js'
export type {AdcCheck} from './lib/effects-adc.js'
