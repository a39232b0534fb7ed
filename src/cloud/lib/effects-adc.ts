import {readFileSync} from 'node:fs'
import path from 'node:path'

/** Result of {@link checkApplicationDefaultCredentials}. */
export interface AdcCheck {
  exists: boolean
  path: string
  quotaProject?: string
  message?: string
}

/**
 * Whether `$CLOUDSDK_CONFIG/application_default_credentials.json` exists.
 * The emulator accepts anonymous calls, so a chapter that forgot
 * `gcloud auth application-default login` would still push: this catches it.
 */
export function checkApplicationDefaultCredentials(configDir: string): AdcCheck {
  const file = path.join(configDir, 'application_default_credentials.json')
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as {quota_project_id?: unknown; type?: unknown}
    const quotaProject = typeof info.quota_project_id === 'string' && info.quota_project_id ? info.quota_project_id : undefined
    return {exists: true, path: file, quotaProject}
  } catch {
    return {
      exists: false,
      path: file,
      message: `no Application Default Credentials at ${file}: DVC could not authenticate to Google Cloud Storage; was \`gcloud auth application-default login\` run?`
    }
  }
}
