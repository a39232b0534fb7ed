/** Exit codes: the CLI convention docs-verify promises (docs/cli.md, "Exit codes"). */
export const exitCodes = {passed: 0, failed: 1, usage: 2} as const
