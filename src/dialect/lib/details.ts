/** Collapsibles: `??? type "Title"`, `???+` open by default. */
import {codes} from 'micromark-util-symbol'
import {factoryContainer} from './factory-container.js'

export const details = factoryContainer('details', 'mkdocsDetails', codes.questionMark)
