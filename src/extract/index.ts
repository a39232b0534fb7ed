/**
 * The extract stage: MkDocs-Material Markdown -> an annotated parse (mdast
 * with the pymdownx containers, positions of the original file) and the code
 * blocks with what surrounds them. What the blocks mean is src/plan's job.
 */
export {parseMarkdown} from './lib/parse-markdown.js'
export type {ParseOptions} from './lib/parse-markdown.js'
export {remarkMkdocs} from './lib/remark-plugin.js'
export {collectCode} from './lib/collect-code.js'
export type {CodeContext, Collected, Prose, TabGroup, TabRef} from './lib/collect-code.js'
export {splitLines} from './lib/lines.js'
export type {SourceLine} from './lib/lines.js'
export {stripEmoji} from './lib/emoji.js'
export {parseFenceMeta, parseHlLines} from './lib/fence-meta.js'
export type {FenceMeta} from './lib/fence-meta.js'
export type {Interruption} from './lib/split.js'
export type {ContainerKind, ContainerMarker} from './lib/markers.js'
