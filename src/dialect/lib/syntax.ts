/** The micromark syntax extension: `micromark(text, {extensions: [mkdocsDialect()]})`. */
import {codes} from 'micromark-util-symbol'
import type {Extension} from 'micromark-util-types'
import {admonition} from './admonition.js'
import {containerEnd} from './container-end.js'
import {details} from './details.js'
import {tab} from './tab.js'

/** Content tabs, admonitions and collapsibles as document containers. */
export function mkdocsDialect(): Extension {
  return {
    document: {
      [codes.equalsTo]: tab,
      [codes.exclamationMark]: admonition,
      [codes.questionMark]: details,
      null: containerEnd
    }
  }
}
