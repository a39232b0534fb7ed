/**
 * What the dialect layer records on mdast nodes, declared on the node types
 * so consumers (the planner, the lint helper) read it with types.
 */
import type {Diagnostic} from '../../diagnostic/index.js'
import type {Interruption} from './split.js'

export type {Interruption}

declare module 'mdast-util-directive' {
  interface ContainerDirectiveData {
    /** Which pymdownx construct produced the node. */
    dialect?: 'tab' | 'admonition' | 'details'
    /** Columns of indentation in front of the marker. */
    indent?: number
    /** Columns of indentation in front of every body line. */
    bodyIndent?: number
    /** Tabs: a group's id (1-based line of its first tab marker). */
    group?: number
    /** Tabs: the label without emoji shortcodes, trimmed. */
    label?: string
    /** Column-0 lines inside the body after which the body resumed. */
    interruptions?: Interruption[]
  }
}

declare module 'mdast' {
  interface RootData {
    /** Problems met while parsing (unclosed fences, interruptions, ...). */
    diagnostics?: Diagnostic[]
  }
}
