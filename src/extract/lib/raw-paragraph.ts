/**
 * Paragraphs kept raw, for the planning parse. micromark decides which
 * lines form content (paragraphs and definitions) at the flow level; inside
 * content, what is not a definition is a paragraph whose lines are chunks of
 * inline text. This construct is that paragraph (as micromark's own content
 * initializer makes it), except that its chunks are never tokenized as
 * inline text: planning reads prose from the source by its position, and a
 * text tokenizer per paragraph, a pass over every character and a text node
 * per line were most of the parse for what nobody read. Block structure is
 * unchanged (setext headings still form from these paragraphs); the mdast
 * side gives each paragraph its raw lines as one text node, and a setext
 * heading the text micromark's text tokenizer gives it with no inline
 * constructs (`headingLine`).
 */
import {markdownLineEnding} from 'micromark-util-character'
import {codes, types} from 'micromark-util-symbol'
import type {Code, Construct, Extension, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
import type {CompileContext, Extension as FromMarkdownExtension, Token} from 'mdast-util-from-markdown'
import type {Parent, Text} from 'mdast'

const tokenizeRawParagraph: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  return start

  function start(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    effects.enter(types.paragraph)
    return lineStart(code)
  }

  function lineStart(code: Code): State | undefined {
    // No content type: subtokenizing leaves the chunk as it is.
    effects.enter(types.chunkText)
    return data(code)
  }

  function data(code: Code): State | undefined {
    if (code === codes.eof) {
      effects.exit(types.chunkText)
      effects.exit(types.paragraph)
      return ok(code)
    }
    // The line ending stays in the chunk, as in micromark's paragraphs: it
    // tells the content's chunks apart.
    if (markdownLineEnding(code)) {
      effects.consume(code)
      effects.exit(types.chunkText)
      return lineStart
    }
    effects.consume(code)
    return data
  }
}

const rawParagraph: Construct = {name: 'rawParagraph', tokenize: tokenizeRawParagraph}

/** The micromark extension: tried after definitions, it takes the rest of the content. */
export function rawParagraphs(): Extension {
  return {contentInitial: {null: rawParagraph}}
}

/** The mdast-util-from-markdown extension: the raw lines become the text of
 * their paragraph or setext heading. */
export function rawParagraphsFromMarkdown(): FromMarkdownExtension {
  return {exit: {chunkText: exitRawChunk}}
}

function exitRawChunk(this: CompileContext, token: Token): undefined {
  const parent = this.stack[this.stack.length - 1] as Parent
  const raw = this.sliceSerialize(token)
  const value = parent.type === 'heading' ? headingLine(raw) : raw
  const tail = parent.children[parent.children.length - 1]
  const end = {line: token.end.line, column: token.end.column, offset: token.end.offset}
  if (tail?.type === 'text') {
    tail.value += value
    tail.position!.end = end
    return
  }
  const text: Text = {type: 'text', value, position: {start: {line: token.start.line, column: token.start.column, offset: token.start.offset}, end}}
  parent.children.push(text)
}

/**
 * One line of a setext heading's text as micromark's text tokenizer reads it
 * with no inline constructs: the indentation of a continued line is a line
 * prefix, trailing whitespace a line suffix, and 2 or more trailing spaces
 * (no tab) before a line ending a hard break, which takes the line ending.
 */
function headingLine(raw: string): string {
  const ending = /(?:\r\n|\r|\n)$/.exec(raw)?.[0] ?? ''
  const line = raw.slice(0, raw.length - ending.length).replace(/^[ \t]+/, '')
  const trailing = /[ \t]*$/.exec(line)![0]
  const text = line.slice(0, line.length - trailing.length)
  const hardBreak = ending !== '' && trailing.length >= 2 && !trailing.includes('\t')
  return hardBreak ? text : text + ending
}
