/**
 * A unified plugin that makes `processor.parse()` read the MkDocs-Material
 * dialect: `unified().use(remarkMkdocs).parse(text)`.
 */
import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {parseMarkdown} from './parse-markdown.js'

/** Replace the processor's parser with the dialect-aware one. */
export const remarkMkdocs: Plugin<[], string, Root> = function (this: Processor): void {
  this.parser = (document, file): Root => parseMarkdown(document, file.path ?? '')
}
