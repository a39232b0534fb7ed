import type {Container} from '../rendered-containers.js'

/** How messages name a container: its syntax, label and line. */
export function describeContainer(container: Container): string {
  if (container.kind === 'tab') return `tab "${container.label}" (line ${container.line})`
  const marker = container.kind === 'admonition' ? '!!!' : '???'
  return `${container.kind} \`${marker} ${container.label}\` (line ${container.line})`
}
