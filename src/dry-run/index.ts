export {renderPlanScript} from './lib/render-script.js'
export {renderPlanText} from './lib/render-text.js'
export {coverageOf, renderCoverage} from './lib/coverage.js'
export type {BlockCoverage, Coverage} from './lib/coverage.js'
