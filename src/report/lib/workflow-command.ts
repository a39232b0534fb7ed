/** GitHub Actions workflow commands (`::error file=F,line=L,title=T::msg`).
 * The runner decodes `%25`, `%0D`, `%0A` in the message, and also `%3A` and
 * `%2C` in property values, where `:` and `,` would end the property. */

export type WorkflowLevel = 'error' | 'warning' | 'notice'

export interface WorkflowProperties {
  file?: string
  line?: number
  title?: string
}

/** Escapes a command's message. */
export function escapeWorkflowData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property value (file, title). */
export function escapeWorkflowProperty(value: string): string {
  return escapeWorkflowData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** One workflow command line. */
export function workflowCommand(level: WorkflowLevel, properties: WorkflowProperties, message: string): string {
  const parts: string[] = []
  if (properties.file !== undefined) parts.push(`file=${escapeWorkflowProperty(properties.file)}`)
  if (properties.line !== undefined) parts.push(`line=${properties.line}`)
  if (properties.title !== undefined) parts.push(`title=${escapeWorkflowProperty(properties.title)}`)
  const head = parts.length > 0 ? `::${level} ${parts.join(',')}` : `::${level}`
  return `${head}::${escapeWorkflowData(message)}`
}
