import {planChapter} from '../../plan/index.js'
import type {Planner} from './lint-options.js'

/** The extractor: plan-based rules read the same plan `verify` runs. */
export const defaultPlanner: Planner = (text, file) => planChapter(text, file)
