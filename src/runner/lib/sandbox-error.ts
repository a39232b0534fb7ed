/**
 * The sandbox itself failed (bwrap did not start a command): a problem of
 * docs-verify on this machine, never a verdict on the doc. It ends the run
 * (exit 2) instead of turning into a failed check or a step not applied.
 */
export class SandboxError extends Error {
  override name = 'SandboxError'
}

/** bubblewrap writes `{"exit-code": N}` on its --json-status-fd only when
 * the sandbox was set up and the command started; an ending without it
 * (not our timeout) is bwrap's own failure, whatever its exit status. */
export function bwrapStarted(status: string): boolean {
  return /"exit-code"\s*:/.test(status)
}

/** The error for a bwrap that did not start `what`, in bwrap's own words. */
export function sandboxStartError(what: string, stderr: string, root: string): SandboxError {
  const said = stderr
    .split('\n')
    .filter((line) => line.startsWith('bwrap:'))
    .join('; ')
  return new SandboxError(
    `the sandbox could not start ${what}: ${said || stderr.trim() || 'bwrap ended without a word'}. ` +
      `This is docs-verify's sandbox failing on this machine, not a finding about the doc: run again if a folder it names ` +
      `(the sandbox is ${root}) was removed while it ran, check that \`bwrap --ro-bind / / true\` runs, or use --sandbox none (not isolated)`
  )
}
