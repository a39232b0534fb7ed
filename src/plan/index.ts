/**
 * The prepare stage: a chapter's annotated parse (src/extract) -> the plan
 * (every block classified, steps, variants, placeholders) -> one variant as
 * it will run (placeholders filled, stand-ins applied).
 */
export type * from './types.js'
export {planChapter} from './lib/plan-chapter.js'
export type {PlanOptions} from './lib/plan-chapter.js'
export {buildVariants, selectVariants} from './lib/variants.js'
export type {BuiltVariants, TabGroupInfo, TabPlacement, VariantSelection} from './lib/variants.js'
export {fillPlaceholders, parseSetOption, placeholderKey, resolvePlaceholders, sandboxGitRemote} from './lib/placeholder-values.js'
export type {PlaceholderSources} from './lib/placeholder-values.js'
export {findPlaceholders, normalizeKey} from './lib/placeholders.js'
export type {PlaceholderMatch} from './lib/placeholders.js'
export {findBinds, findUses} from './lib/shell-variables.js'
export {parseDirectoryTree} from './lib/directory-tree.js'
export {applyStandIns} from './lib/stand-ins.js'
export {reasonsToChain} from './lib/needs-earlier-chapters.js'
export {prepareVariant} from './lib/prepare-variant.js'
export type {PrepareOptions} from './lib/prepare-variant.js'
export type {PreparedChapter, PreparedStep} from './lib/prepared.js'
export {coverageOf} from './lib/coverage.js'
export type {Coverage, UncoveredBlock} from './lib/coverage.js'
export {chapterNumberFromFile, chapterNumberFromTitle, chapterSlug, slugify} from './lib/slug.js'
