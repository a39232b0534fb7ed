/** Inputs of {@link dvcEmulatorSetup}. */
export interface DvcEmulatorSetupOptions {
  /** fake-gcs-server endpoint, `http://127.0.0.1:PORT`. */
  storageEndpoint: string
}

/** How to make DVC's gs:// remotes talk to the emulator. */
export interface DvcEmulatorSetup {
  /** Add to the environment of every step (beside {@link gcloudEnv}). */
  env: Record<string, string>
  /**
   * Alternative for tools that ignore `STORAGE_EMULATOR_HOST`: after the doc's
   * `dvc remote add NAME gs://...`, run this with NAME. It writes only
   * `.dvc/config.local`, which git ignores, so `git status` stays as shown.
   * Not needed with dvc 3.x + gcsfs, where `env` suffices.
   */
  afterRemoteAdd: (remoteName: string) => string
  /** What each setting is for, for dry-run and reports. */
  notes: string[]
}

/**
 * Settings that send `dvc push`/`dvc pull` on a gs:// remote to the emulator
 * without changing any file the doc shows (verified with dvc 3.47.0, gcsfs
 * 2026.10). Credentials come from the ADC file the
 * `gcloud auth application-default login` stand-in writes into
 * `$CLOUDSDK_CONFIG`, which google-auth reads.
 */
export function dvcEmulatorSetup(options: DvcEmulatorSetupOptions): DvcEmulatorSetup {
  const endpoint = options.storageEndpoint.replace(/\/+$/, '')
  return {
    env: {
      STORAGE_EMULATOR_HOST: endpoint,
      GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT: 'false',
      NO_GCE_CHECK: 'True',
      DVC_NO_ANALYTICS: '1'
    },
    afterRemoteAdd: (remoteName) => `dvc remote modify --local ${quote(remoteName)} endpointurl ${quote(endpoint)}`,
    notes: [
      `STORAGE_EMULATOR_HOST=${endpoint}: gcsfs sends every JSON API call to fake-gcs-server.`,
      'GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT=false: recent gcsfs first asks the Storage Control gRPC API for the bucket layout; against the emulator that call retries for 60 s per bucket before falling back.',
      'NO_GCE_CHECK=True: google-auth skips probing the GCE metadata server when no credentials are found.',
      'DVC_NO_ANALYTICS=1: dvc would otherwise spawn a daemon that tries to reach its analytics server after each command.'
    ]
  }
}

function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}
