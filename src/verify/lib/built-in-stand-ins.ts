import type {StandIn} from '../../config/index.js'

/** Stand-ins docs-verify declares itself, for commands that need a person
 * at a browser; filled in from the cloud stand-ins once they load. */
export function builtInStandIns(): StandIn[] {
  return []
}
