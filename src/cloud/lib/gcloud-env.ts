import {controlPlaneEndpoints} from './control-plane.js'

/** Inputs of {@link gcloudEnv}. */
export interface GcloudEnvOptions {
  /** Sandbox gcloud config dir: never the user's ~/.config/gcloud. */
  configDir: string
  /** fake-gcs-server endpoint, `http://127.0.0.1:PORT`. */
  storageEndpoint: string
  /** Control-plane stand-in endpoint, `http://127.0.0.1:PORT`. */
  controlPlaneEndpoint: string
  /**
   * Sets `CLOUDSDK_CORE_PROJECT`. Leave it out when running a chapter so its
   * own `gcloud config set project` is what makes later commands work.
   */
  project?: string
}

/**
 * Environment that points the real gcloud CLI (and gcsfs/DVC) at the local
 * stand-ins, with prompts, credentials, update checks and usage reporting off.
 */
export function gcloudEnv(options: GcloudEnvOptions): Record<string, string> {
  const storage = options.storageEndpoint.replace(/\/+$/, '')
  const controlPlane = controlPlaneEndpoints(options.controlPlaneEndpoint)
  const env: Record<string, string> = {
    CLOUDSDK_CONFIG: options.configDir,
    CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
    CLOUDSDK_AUTH_DISABLE_CREDENTIALS: 'True',
    // gcloud joins `storage/v1/...` to this without a separator.
    CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: `${storage}/`,
    CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: controlPlane.cloudresourcemanager,
    CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDBILLING: controlPlane.cloudbilling,
    // Without this one `projects create` hangs at "Enabling service".
    CLOUDSDK_API_ENDPOINT_OVERRIDES_SERVICEUSAGE: controlPlane.serviceusage,
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
    // gcsfs (DVC's gs:// backend) and the Google client libraries.
    STORAGE_EMULATOR_HOST: storage
  }
  if (options.project) env.CLOUDSDK_CORE_PROJECT = options.project
  return env
}
