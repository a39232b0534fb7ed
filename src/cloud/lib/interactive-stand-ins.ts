/**
 * A command a learner runs interactively (browser login, prompts) that the
 * sandbox replaces with one producing the same end state.
 */
export interface CloudStandIn {
  /** Regex source matched against one command line (after placeholders). */
  match: string
  /** Bash run instead; sees the same environment (`CLOUDSDK_CONFIG`, ...). */
  run: string
  /** Why, shown in dry-run and reports. */
  reason: string
}

/** Account the stand-ins log in as. */
export const STAND_IN_ACCOUNT = 'learner@docs-verify.invalid'

// The active gcloud configuration file, read and written without starting
// gcloud (each gcloud start costs seconds).
const CONFIG_FILE =
  '"$CLOUDSDK_CONFIG/configurations/config_$(cat "$CLOUDSDK_CONFIG/active_config" 2>/dev/null || echo default)"'

const setAccount = [
  'mkdir -p "$CLOUDSDK_CONFIG/configurations"',
  '[ -f "$CLOUDSDK_CONFIG/active_config" ] || printf default > "$CLOUDSDK_CONFIG/active_config"',
  `__cfg=${CONFIG_FILE}`,
  // Keep the other properties; replace only core/account.
  'touch "$__cfg"',
  'grep -q "^\\[core\\]" "$__cfg" || printf "[core]\\n" >> "$__cfg"',
  'sed -i "/^account = /d" "$__cfg"',
  `sed -i "s/^\\[core\\]$/[core]\\naccount = ${STAND_IN_ACCOUNT}/" "$__cfg"`
].join('\n')

const initScript = [
  setAccount,
  // `gcloud init` ends with a project chosen when one exists: honour
  // CLOUDSDK_CORE_PROJECT if the sandbox set it.
  'if [ -n "${CLOUDSDK_CORE_PROJECT:-}" ]; then sed -i "/^project = /d" "$__cfg"; sed -i "s/^\\[core\\]$/[core]\\nproject = $CLOUDSDK_CORE_PROJECT/" "$__cfg"; fi',
  `echo "You are logged in as: [${STAND_IN_ACCOUNT}]."`,
  'echo "Your Google Cloud SDK is configured and ready to use!"'
].join('\n')

const adcScript = [
  'mkdir -p "$CLOUDSDK_CONFIG"',
  // `|| true`: no configuration yet is fine (runs under `set -euo pipefail`).
  `__project="\${CLOUDSDK_CORE_PROJECT:-$( (sed -n "s/^project = //p" ${CONFIG_FILE} 2>/dev/null || true) | head -n 1)}"`,
  '__adc="$CLOUDSDK_CONFIG/application_default_credentials.json"',
  // token + expiry: google-auth uses the token as is and never refreshes.
  'printf \'{"type":"authorized_user","client_id":"docs-verify.apps.googleusercontent.com","client_secret":"docs-verify","refresh_token":"docs-verify","quota_project_id":"%s","token":"fake","expiry":"2099-01-01T00:00:00Z"}\\n\' "$__project" > "$__adc"',
  'echo ""',
  'echo "Credentials saved to file: [$__adc]"',
  'echo ""',
  'echo "These credentials will be used by any library that requests Application Default Credentials (ADC)."',
  'if [ -n "$__project" ]; then echo ""; echo "Quota project \\"$__project\\" was added to ADC which can be used by Google client libraries for billing and quota."; fi'
].join('\n')

/**
 * The declared stand-ins, as data: the orchestrator applies them and lists
 * them in dry-run output and reports so nothing is replaced silently.
 */
export function cloudStandIns(): CloudStandIn[] {
  return [
    {
      match: String.raw`^\s*gcloud\s+init(\s|$)`,
      run: initScript,
      reason:
        '`gcloud init` opens a browser and prompts; with prompts disabled it fails. Stood in by its end state: a gcloud configuration with an account (and the project when CLOUDSDK_CORE_PROJECT is set).'
    },
    {
      match: String.raw`^\s*gcloud\s+auth\s+login(\s|$)`,
      run: [setAccount, `echo "You are now logged in as [${STAND_IN_ACCOUNT}]."`].join('\n'),
      reason: '`gcloud auth login` needs a browser. Stood in by its end state: core/account set in the sandbox configuration.'
    },
    {
      match: String.raw`^\s*gcloud\s+auth\s+application-default\s+login(\s|$)`,
      run: adcScript,
      reason:
        '`gcloud auth application-default login` prints a URL and waits for a code. Stood in by its end state: $CLOUDSDK_CONFIG/application_default_credentials.json with a token and far expiry, so google-auth (DVC, client libraries) needs no network.'
    }
  ]
}

/** The stand-in whose `match` accepts this command line, if any. */
export function findCloudStandIn(commandLine: string, standIns: CloudStandIn[] = cloudStandIns()): CloudStandIn | undefined {
  return standIns.find((standIn) => new RegExp(standIn.match).test(commandLine))
}
