/**
 * What the dialect adds to micromark's and mdast's types: its token types,
 * the state it keeps while tokenizing, and the data on its nodes.
 */
import type {ContainerKind} from './marker.js'

/** Column-0 lines inside a body after which the body resumed (a leftover
 * merge-conflict marker, typically): the author meant the body to go on. */
export interface Interruption {
  /** 1-based line. */
  line: number
  text: string
  mergeConflict: boolean
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mkdocsTab: 'mkdocsTab'
    mkdocsAdmonition: 'mkdocsAdmonition'
    mkdocsDetails: 'mkdocsDetails'
    /** The whole opening line. */
    mkdocsContainerMarker: 'mkdocsContainerMarker'
    /** `===`, `!!!` or `???`. */
    mkdocsContainerSequence: 'mkdocsContainerSequence'
    /** What follows the sequence: flags, type, classes, title or label. */
    mkdocsContainerInfo: 'mkdocsContainerInfo'
    /** The 4 columns in front of a body line. */
    mkdocsContainerIndent: 'mkdocsContainerIndent'
    /** A column-0 line the body resumes after. */
    mkdocsInterruption: 'mkdocsInterruption'
    /** Lookahead only: a line read whole. */
    mkdocsLine: 'mkdocsLine'
  }

  interface ParseContext {
    /** Offset where a dialect container refused a line: the container ends
     * there, and the line is not a lazy continuation of its paragraph. */
    _mkdocsEndAt?: number | undefined
  }
}

declare module 'mdast-util-directive' {
  interface ContainerDirectiveData {
    /** Which pymdownx construct produced the node. */
    dialect?: ContainerKind
    /** Tabs: a group's id (1-based line of its first tab marker). */
    group?: number
    /** Tabs: the label without emoji shortcodes, trimmed. */
    label?: string
    /** Column-0 lines inside the body after which the body resumed. */
    interruptions?: Interruption[]
  }
}

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** Interruptions not yet claimed by the innermost container around them. */
    mkdocsInterruptions?: Interruption[]
  }
}
