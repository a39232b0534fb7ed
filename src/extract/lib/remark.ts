/**
 * The CommonMark parser used for plain runs: remark-parse with
 * remark-directive so native `:::` directives also work. Built once.
 * The block-only variant skips inline constructs (emphasis, links, code
 * spans): planning reads prose from the source, so it needs only blocks,
 * and inline parsing is most of micromark's work.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkDirective from 'remark-directive'
import type {Root} from 'mdast'
import type {Processor} from 'unified'

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

const full = unified().use(remarkParse).use(remarkDirective).freeze()
const blocks = unified().use(remarkParse).use(remarkDirective).use(blocksOnly).freeze()

/** Parse CommonMark (+ directives) into mdast; `inline: false` leaves paragraphs as raw text. */
export function parseCommonMark(text: string, inline = true): Root {
  return (inline ? full : blocks).parse(text)
}
