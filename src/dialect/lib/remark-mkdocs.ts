/**
 * The remark plugin: `unified().use(remarkParse).use(remarkMkdocs)`. It only
 * registers the syntax and mdast extensions, so other plugins (remark-gfm,
 * remark-frontmatter, remark-directive) compose with it.
 */
/// <reference types="remark-parse" />
import type {Processor} from 'unified'
import {mkdocsDialectFromMarkdown} from './from-markdown.js'
import {mkdocsDialect} from './syntax.js'

/** Add content tabs, admonitions and collapsibles to remark's parser. */
export default function remarkMkdocs(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(mkdocsDialect())
  ;(data.fromMarkdownExtensions ??= []).push(mkdocsDialectFromMarkdown())
}
