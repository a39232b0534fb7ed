export {renderPlanScript} from './lib/render-script.js'
export {renderPlanText} from './lib/render-text.js'
export {coverageOf, renderCoverage} from './lib/coverage.js'
export type {BlockCoverage, Coverage} from './lib/coverage.js'
// The Prepared* types live in src/plan (the prepare stage); re-exported for
// code written against their old home.
export type {PreparedChapter, PreparedStep} from '../plan/index.js'
