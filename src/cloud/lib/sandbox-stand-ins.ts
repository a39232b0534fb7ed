import type {StandIn} from '../../config/index.js'
import type {PlaceholderValue} from '../../plan/index.js'
import {DEFAULT_BILLING_ACCOUNTS} from './control-plane-state.js'
import {cloudStandIns} from './interactive-stand-ins.js'

/** The cloud stand-ins as configuration stand-ins, for commands that need
 * a person at a browser (`gcloud init`, `gcloud auth application-default
 * login`): each reaches the same end state and is shown in dry-run and
 * reports. */
export function builtInStandIns(): StandIn[] {
  return cloudStandIns().map((standIn) => ({match: `/${standIn.match}/`, run: standIn.run, reason: standIn.reason}))
}

/** A learner copies the billing account id from `gcloud billing accounts
 * list`; in the sandbox that list is the control-plane stand-in's. A
 * generated value would be an account that does not exist. */
export function bindSandboxPlaceholders(values: readonly PlaceholderValue[]): PlaceholderValue[] {
  const account = DEFAULT_BILLING_ACCOUNTS[0]
  return values.map((value) =>
    value.source === 'generated' && /\bbilling\b/.test(value.key) && account
      ? {key: value.key, value: account.id, source: 'sandbox', reason: 'the open billing account the sandbox lists in `gcloud billing accounts list`'}
      : value
  )
}
