/**
 * The parsers: remark-parse with front matter, native `:::` directives and
 * the pymdownx dialect, each registered as an extension. Built once. The
 * block-only variant skips inline constructs (emphasis, links, code spans):
 * planning reads prose from the source, so it needs only blocks, and inline
 * parsing is most of micromark's work.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {remarkMkdocs} from '../../dialect/index.js'

const inlineConstructs = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'directiveText',
  'hardBreakEscape',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd'
]

/** A unified plugin turning off micromark's inline constructs. */
function blocksOnly(this: Processor): void {
  const data = this.data()
  const extensions = (data.micromarkExtensions ??= [])
  extensions.push({disable: {null: inlineConstructs}})
}

const full = unified().use(remarkParse).use(remarkDirective).use(remarkMkdocs).freeze()
const blocks = full().use(blocksOnly).freeze()
const fullWithFrontMatter = full().use(remarkFrontmatter).freeze()
const blocksWithFrontMatter = blocks().use(remarkFrontmatter).freeze()

/** Parse the dialect into mdast; `inline: false` leaves paragraphs as raw text. */
export function parseDialect(text: string, inline = true): Root {
  // micromark-extension-frontmatter keeps an unclosed `---` pending to the
  // end of the file, and no container (tab, list, quote) opens meanwhile:
  // only a front matter that closes is read as one.
  if (closedFrontMatter.test(text)) return (inline ? fullWithFrontMatter : blocksWithFrontMatter).parse(text)
  return (inline ? full : blocks).parse(text)
}

const closedFrontMatter = /^---[ \t]*(?:\r\n|\r|\n)(?:[^]*?(?:\r\n|\r|\n))?---[ \t]*(?:\r\n|\r|\n|$)/
