import {readFile} from 'node:fs/promises'

/** Exported variables in a runner state file (`declare -x NAME="value"`),
 * so checks can expand `$GCP_BUCKET_NAME` the way the learner's shell did. */
export async function exportedVariables(stateFile: string): Promise<Map<string, string>> {
  const variables = new Map<string, string>()
  let text: string
  try {
    text = await readFile(stateFile, 'utf8')
  } catch {
    return variables
  }
  for (const match of text.matchAll(/^declare -x ([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"$/gm)) {
    variables.set(match[1]!, match[2]!.replace(/\\(["\\$`])/g, '$1'))
  }
  return variables
}
