/**
 * What the extract stage records on mdast nodes, declared on the node types
 * so consumers (the planner, the lint helper) read it with types. The
 * dialect's own node data is declared by src/dialect.
 */
import type {Diagnostic} from '../../diagnostic/index.js'
// The dialect's node data (its declarations come with its index).
import '../../dialect/index.js'

declare module 'mdast' {
  interface RootData {
    /** Problems met while parsing (unclosed fences, interruptions, ...). */
    diagnostics?: Diagnostic[]
  }
}
