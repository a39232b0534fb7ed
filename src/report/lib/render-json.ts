import type {VerifyReport} from '../types.js'

/** The report as indented JSON (the `--format json` output). */
export function renderJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
