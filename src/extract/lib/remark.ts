/**
 * The parsers: remark-parse with front matter, native `:::` directives and
 * the pymdownx dialect, each registered as an extension. Built once. The
 * block-only variant skips inline parsing: planning reads prose from the
 * source, so it needs only blocks. Paragraphs stay raw (`raw-paragraph.ts`)
 * and inline constructs are off for the rest (ATX heading text).
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {remarkMkdocs} from '../../dialect/index.js'
import {rawParagraphs, rawParagraphsFromMarkdown} from './raw-paragraph.js'

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

/** A unified plugin turning off inline parsing: raw paragraphs, no inline constructs. */
function blocksOnly(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push({disable: {null: inlineConstructs}}, rawParagraphs())
  ;(data.fromMarkdownExtensions ??= []).push(rawParagraphsFromMarkdown())
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
