/**
 * Ends dialect containers without lazy lines. CommonMark lets an unindented
 * line continue a paragraph inside a block quote or list item; Python-Markdown
 * ends a pymdownx body at the first line that is not indented. When a body
 * refuses a line (`body-continuation.ts` records where), this construct
 * matches there as a new container, so micromark closes the open flow and
 * containers instead of treating the line as lazy. It matches during
 * micromark's check only (it clears the mark), so it never opens anything.
 */
import {types} from 'micromark-util-symbol'
import type {Code, Construct, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
import './types.js'

const tokenizeContainerEnd: Tokenizer = function (this: TokenizeContext, _effects, ok, nok) {
  const self = this
  return start

  function start(code: Code): State | undefined {
    const at = self.parser._mkdocsEndAt
    if (at === undefined) return nok(code)
    // micromark eats up to 3 spaces before trying containers.
    const tail = self.events[self.events.length - 1]
    const prefixed = tail && tail[0] === 'exit' && tail[1].type === types.linePrefix && tail[1].end.offset === self.now().offset
    if ((prefixed ? tail[1].start.offset : self.now().offset) !== at) return nok(code)
    self.parser._mkdocsEndAt = undefined
    return ok(code)
  }
}

export const containerEnd: Construct = {name: 'mkdocsContainerEnd', tokenize: tokenizeContainerEnd}
