/** A strict little XML reader for tests: throws on anything not well-formed
 * (unbalanced tags, unquoted or duplicate attributes, bare `&` or `<`,
 * forbidden characters) and returns the element tree with entities decoded. */

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

const namePattern = /^[A-Za-z_][\w.-]*/
const entityPattern = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/

export function parseXml(source: string): XmlElement {
  if (forbidden.test(source)) throw new Error('forbidden control character')
  let at = 0
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>')
    if (end < 0) throw new Error('unterminated XML declaration')
    at = end + 2
  }
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  while (at < source.length) {
    const char = source[at]
    if (char === '<') {
      if (source.startsWith('</', at)) {
        const end = source.indexOf('>', at)
        const name = source.slice(at + 2, end).trim()
        const open = stack.pop()
        if (!open || open.name !== name) throw new Error(`closing </${name}> does not match <${open?.name ?? ''}> at ${at}`)
        at = end + 1
        continue
      }
      const element = readTag(source, at + 1)
      if (stack.length === 0) {
        if (root) throw new Error(`second root element <${element.element.name}>`)
        root = element.element
      } else stack.at(-1)?.children.push(element.element)
      if (!element.selfClosing) stack.push(element.element)
      at = element.end
      continue
    }
    if (char === '&' && !entityPattern.test(source.slice(at, at + 12))) throw new Error(`bare & at ${at}`)
    const top = stack.at(-1)
    if (top) top.text += char
    else if (!/\s/.test(char ?? '')) throw new Error(`text outside the root at ${at}`)
    at++
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)?.name}>`)
  if (!root) throw new Error('no root element')
  decodeTree(root)
  return root
}

function readTag(source: string, start: number): {element: XmlElement; end: number; selfClosing: boolean} {
  let at = start
  const name = namePattern.exec(source.slice(at))?.[0]
  if (!name) throw new Error(`bad tag name at ${at}`)
  at += name.length
  const attributes: Record<string, string> = {}
  for (;;) {
    const space = /^\s*/.exec(source.slice(at))?.[0] ?? ''
    at += space.length
    if (source.startsWith('/>', at)) return {element: {name, attributes, children: [], text: ''}, end: at + 2, selfClosing: true}
    if (source[at] === '>') return {element: {name, attributes, children: [], text: ''}, end: at + 1, selfClosing: false}
    if (space === '') throw new Error(`missing space before attribute at ${at}`)
    const key = namePattern.exec(source.slice(at))?.[0]
    if (!key || source[at + key.length] !== '=' || source[at + key.length + 1] !== '"') throw new Error(`bad attribute at ${at}`)
    const valueStart = at + key.length + 2
    const valueEnd = source.indexOf('"', valueStart)
    if (valueEnd < 0) throw new Error(`unterminated attribute at ${at}`)
    const raw = source.slice(valueStart, valueEnd)
    if (raw.includes('<')) throw new Error(`< in attribute ${key}`)
    for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
      if (!entityPattern.test(raw.slice(i, i + 12))) throw new Error(`bare & in attribute ${key}`)
    }
    if (key in attributes) throw new Error(`duplicate attribute ${key}`)
    attributes[key] = raw
    at = valueEnd + 1
  }
}

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)))
    return {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}[entity] ?? ''
  })
}

function decodeTree(element: XmlElement): void {
  element.text = decode(element.text)
  for (const key of Object.keys(element.attributes)) element.attributes[key] = decode(element.attributes[key] ?? '')
  for (const child of element.children) decodeTree(child)
}

/** Every element with that name, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found = element.name === name ? [element] : []
  for (const child of element.children) found.push(...findAll(child, name))
  return found
}
