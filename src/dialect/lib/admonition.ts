/** Admonitions: `!!! type "Optional title"`. */
import {codes} from 'micromark-util-symbol'
import {factoryContainer} from './factory-container.js'

export const admonition = factoryContainer('admonition', 'mkdocsAdmonition', codes.exclamationMark)
