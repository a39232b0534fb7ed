/** A project in the stand-in, shaped like cloudresourcemanager v1. */
export interface FakeProject {
  projectId: string
  projectNumber: string
  name: string
  lifecycleState: 'ACTIVE'
  createTime: string
  /** `billingAccounts/X` once linked. */
  billingAccountName?: string
  enabledServices: string[]
}

/** A fake billing account. */
export interface FakeBillingAccount {
  /** `010203-040506-070809` (no `billingAccounts/` prefix). */
  id: string
  displayName: string
  open: boolean
}

/** A long-running operation; always done at once. */
export interface FakeOperation {
  name: string
  done: true
  metadata?: Record<string, unknown>
  response?: Record<string, unknown>
  error?: {code: number; message: string; status: string}
}

/** Everything the control-plane stand-in knows; read it to check effects. */
export interface ControlPlaneState {
  projects: Map<string, FakeProject>
  billingAccounts: FakeBillingAccount[]
  operations: Map<string, FakeOperation>
}

/** The default fake account, the id the docs' examples look like. */
export const DEFAULT_BILLING_ACCOUNTS: readonly FakeBillingAccount[] = [
  {id: '010203-040506-070809', displayName: 'My Billing Account', open: true}
]

/** Fresh, empty state with the given billing accounts. */
export function createControlPlaneState(billingAccounts: readonly FakeBillingAccount[] = DEFAULT_BILLING_ACCOUNTS): ControlPlaneState {
  return {projects: new Map(), billingAccounts: billingAccounts.map((a) => ({...a})), operations: new Map()}
}
