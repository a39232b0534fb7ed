/** Content tabs: `=== "Label"`, `===+` (selected), `===!` (starts a new group). */
import {codes} from 'micromark-util-symbol'
import {factoryContainer} from './factory-container.js'

export const tab = factoryContainer('tab', 'mkdocsTab', codes.equalsTo)
