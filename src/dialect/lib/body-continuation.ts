/**
 * Whether a line continues a container's body: blank, or indented by 4
 * columns (tabs count to the next multiple of 4, as in Python-Markdown).
 * Anything else ends the body, lazily continued paragraphs included
 * (`container-end.ts`). One exception keeps an author's intent: column-0
 * lines (not headings, list items, markers or fences) followed by the body's
 * indentation again are an interruption, typically a leftover merge-conflict
 * marker; the body resumes after them and they read as blank lines.
 */
import {markdownLineEnding, markdownSpace} from 'micromark-util-character'
import {codes, constants, types} from 'micromark-util-symbol'
import type {Code, Construct, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
import {parseMarker} from './marker.js'
import './types.js'

/** More interrupting lines than this in a row: the body really ended. */
const maxInterruption = 12

const tokenizeBodyContinuation: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this
  const start = self.now()
  let columns = 0
  // No nested attempts: this runs for every open body on every line, and
  // the document's own attempt around it undoes what a refusal consumed.
  return begin

  function begin(code: Code): State | undefined {
    if (!markdownSpace(code)) return after(code)
    effects.enter('mkdocsContainerIndent')
    return indent(code)
  }

  function indent(code: Code): State | undefined {
    if (markdownSpace(code) && columns < constants.tabSize) {
      columns++
      effects.consume(code)
      return indent
    }
    effects.exit('mkdocsContainerIndent')
    return after(code)
  }

  function after(code: Code): State | undefined {
    // Indented enough, or a blank line.
    if (columns === constants.tabSize || code === codes.eof || markdownLineEnding(code)) return ok(code)
    // Only the outermost body sees a line from column 0; inner bodies see
    // what the outer one left (a blank line, after an interruption).
    if (columns === 0 && start.column === 1) return effects.check(resumption, interruption, end)(code)
    return end(code)
  }

  function interruption(code: Code): State | undefined {
    effects.enter('mkdocsInterruption')
    return inside(code)
  }

  function inside(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('mkdocsInterruption')
      return ok(code)
    }
    effects.consume(code)
    return inside
  }

  function end(code: Code): State | undefined {
    self.parser._mkdocsEndAt = start.offset
    return nok(code)
  }
}

export const bodyContinuation: Construct = {tokenize: tokenizeBodyContinuation}

/** Lookahead from an unindented line: interrupting or blank lines, then a
 * line indented like the body. */
const tokenizeResumption: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this
  let interrupting = 0
  let columns = 0
  let leading = true
  return lineStart

  function lineStart(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (markdownLineEnding(code)) return lineEnding(code)
    columns = 0
    leading = true
    effects.enter('mkdocsLine')
    return line(code)
  }

  function line(code: Code): State | undefined {
    if (code !== codes.eof && !markdownLineEnding(code)) {
      if (leading && markdownSpace(code)) columns++
      else leading = false
      effects.consume(code)
      return line
    }
    const text = self.sliceSerialize(effects.exit('mkdocsLine'))
    if (!leading) {
      if (columns >= constants.tabSize) return ok(code)
      if (columns > 0 || !interrupts(text) || ++interrupting > maxInterruption) return nok(code)
    }
    return code === codes.eof ? nok(code) : lineEnding(code)
  }

  function lineEnding(code: Code): State | undefined {
    effects.enter(types.lineEnding)
    effects.consume(code)
    effects.exit(types.lineEnding)
    return lineStart
  }
}

const resumption: Construct = {tokenize: tokenizeResumption, partial: true}

/** A column-0 line that is not itself structure (which would end the body). */
function interrupts(text: string): boolean {
  if (/^#{1,6}(?:[ \t]|$)/.test(text)) return false
  // A list item's body is indented too (a fence inside `1. ...`): not a resumed container.
  if (/^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(text)) return false
  if (parseMarker(text) !== undefined) return false
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(text)
  return !fence || (fence[1]![0] === '`' && fence[2]!.includes('`'))
}
