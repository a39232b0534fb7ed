// Types of replace-build-output.js (plain JavaScript: `npm run build` runs it
// on any Node the package supports, before TypeScript could be stripped).
export declare const staleFilesKeptMs: number
export declare function replaceBuildOutput(
  outdir: string,
  files: readonly {path: string; contents: Uint8Array; executable?: boolean}[],
  options?: {now?: number}
): {written: string[]; stale: string[]; removed: string[]}
