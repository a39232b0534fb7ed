/**
 * A pymdownx container as a micromark `document` construct: the opening
 * line is the marker (nothing after it on the line belongs to the body),
 * the body is every following line indented by 4 more columns, blank lines
 * included (`body-continuation.ts`).
 */
import {markdownLineEnding} from 'micromark-util-character'
import {codes, types} from 'micromark-util-symbol'
import type {Code, Construct, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
import {bodyContinuation} from './body-continuation.js'
import {parseMarker} from './marker.js'
import type {ContainerKind} from './marker.js'
import './types.js'

type ContainerToken = 'mkdocsTab' | 'mkdocsAdmonition' | 'mkdocsDetails'

/** The construct opened by three `sequenceCode` characters. */
export function factoryContainer(kind: ContainerKind, token: ContainerToken, sequenceCode: Code): Construct {
  const tokenizeStart: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const self = this
    let size = 0
    return start

    function start(code: Code): State | undefined {
      // Python-Markdown reads a marker only at its parent body's column.
      const tail = self.events[self.events.length - 1]
      if (tail && tail[0] === 'exit' && tail[1].type === types.linePrefix && tail[1].end.offset === self.now().offset) return nok(code)
      if (code !== sequenceCode) return nok(code)
      effects.enter(token, {_container: true})
      effects.enter('mkdocsContainerMarker')
      effects.enter('mkdocsContainerSequence')
      return sequence(code)
    }

    function sequence(code: Code): State | undefined {
      if (code === sequenceCode && size < 3) {
        size++
        effects.consume(code)
        return sequence
      }
      if (size < 3) return nok(code)
      effects.exit('mkdocsContainerSequence')
      if (code === codes.eof || markdownLineEnding(code)) return after(code)
      effects.enter('mkdocsContainerInfo')
      return info(code)
    }

    function info(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit('mkdocsContainerInfo')
        return after(code)
      }
      effects.consume(code)
      return info
    }

    function after(code: Code): State | undefined {
      const marker = effects.exit('mkdocsContainerMarker')
      return parseMarker(self.sliceSerialize(marker))?.kind === kind ? ok(code) : nok(code)
    }
  }

  return {
    name: token,
    tokenize: tokenizeStart,
    continuation: bodyContinuation,
    exit(effects) {
      effects.exit(token)
    }
  }
}
