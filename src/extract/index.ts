/**
 * The extract stage: MkDocs-Material Markdown -> an annotated parse (mdast
 * with the pymdownx containers of src/dialect, positions of the original
 * file) and the code blocks with what surrounds them. What the blocks mean is src/plan's job.
 */
export {parseMarkdown} from './lib/parse-markdown.js'
export type {ParseOptions} from './lib/parse-markdown.js'
export {remarkMkdocs} from '../dialect/index.js'
export {collectCode} from './lib/collect-code.js'
export type {CodeContext, Collected, Prose, TabGroup, TabRef} from './lib/collect-code.js'
export {splitLines} from './lib/lines.js'
export type {SourceLine} from './lib/lines.js'
export {stripEmojiShortcodes as stripEmoji} from '../dialect/index.js'
export {parseFenceMeta, parseHlLines} from './lib/fence-meta.js'
export type {FenceMeta} from './lib/fence-meta.js'
export type {ContainerKind, ContainerMarker, Interruption} from '../dialect/index.js'
