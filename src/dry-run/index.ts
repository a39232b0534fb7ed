export type {PreparedChapter, PreparedStep} from './lib/prepared.js'
export {renderPlanScript} from './lib/render-script.js'
export {renderPlanText} from './lib/render-text.js'
