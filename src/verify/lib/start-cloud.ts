import type {VerifyOptions} from '../../cli/lib/args.js'
import type {CloudStarter} from './cloud-hooks.js'

/** The cloud stand-ins for the options given (wired in once src/cloud lands). */
export function startCloudFor(_options: Pick<VerifyOptions, 'gcs' | 'gcsUrl'>, _io: {stderr: NodeJS.WriteStream}): CloudStarter | undefined {
  return undefined
}
