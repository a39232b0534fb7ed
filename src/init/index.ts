/**
 * `docs-verify init`: read a guide's plan and write the commented
 * configuration a maintainer starts from (downloads, logins, foreground
 * servers, placeholders, slow steps). Knows nothing of processes or files.
 */
export {findNeeds} from './lib/find-needs.js'
export {renderConfig} from './lib/render-config.js'
export type {RenderOptions} from './lib/render-config.js'
export type {CommandAt, Download, ForegroundServer, GuideNeeds, Login, PlaceholderNeed, SlowStep} from './lib/types.js'
