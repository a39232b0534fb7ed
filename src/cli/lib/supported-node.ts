/**
 * The oldest Node.js docs-verify runs on (package.json "engines"). npm only
 * warns when the engine does not match, and older Node fails deep inside a
 * run (e.g. Set methods Node 22 added), so the CLI says it first.
 */
export const minimumNodeMajor = 22

/** Why this Node cannot run docs-verify, or undefined when it can. */
export function unsupportedNode(version: string): string | undefined {
  const major = Number.parseInt(version.replace(/^v/, ''), 10)
  if (Number.isFinite(major) && major >= minimumNodeMajor) return undefined
  return `docs-verify needs Node.js ${minimumNodeMajor} or newer; this is Node.js ${version}. Install a current LTS from https://nodejs.org and run docs-verify with it.`
}
