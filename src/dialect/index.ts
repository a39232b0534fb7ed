/**
 * The MkDocs-Material (pymdownx) block dialect for micromark, mdast and
 * remark: content tabs, admonitions and collapsibles. Self-contained: it
 * imports nothing from the rest of docs-verify (see README.md).
 */
export {mkdocsDialect} from './lib/syntax.js'
export {mkdocsDialectFromMarkdown} from './lib/from-markdown.js'
export {default as remarkMkdocs} from './lib/remark-mkdocs.js'
export {parseMarker, isMergeConflictMarker} from './lib/marker.js'
export type {ContainerKind, ContainerMarker} from './lib/marker.js'
export {stripEmojiShortcodes} from './lib/emoji.js'
export type {Interruption} from './lib/types.js'
