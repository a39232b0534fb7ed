import type {Sandbox} from '../../runner/index.js'
import type {PreparedChapter} from '../../plan/index.js'
import type {CheckReport} from '../../report/index.js'

/** What the cloud stand-ins give a chain of chapters: variables for every
 * step, stand-ins for interactive logins, checks of effects, and a stop. */
export interface CloudSession {
  /** Forced before every block (endpoints, CLOUDSDK_CONFIG, ...). */
  env: Record<string, string>
  /** Describes what runs: `fake-gcs-server (binary) at http://...`. */
  description: string
  checkEffects(prepared: PreparedChapter, cwd: string): Promise<CheckReport[]>
  /** Write buckets, objects and projects into the sandbox (before a snapshot). */
  saveState(): Promise<void>
  stop(): Promise<void>
}

/** Starts the stand-ins for one sandbox (one per chain: each --jobs worker
 * gets its own). */
export type CloudStarter = (sandbox: Sandbox) => Promise<CloudSession>

/** Commands that talk to Google Cloud, where a command starts (not a path
 * such as `~/.config/gcloud`), and gs:// URLs: a chapter with one needs the
 * stand-ins. Comments are left out first. */
const cloudCommand = /(?:^|[;&|(`]\s*|\$\(\s*)(?:gcloud|gsutil)\s|gs:\/\/|\bdvc\[gs\]/m

function withoutComments(text: string): string {
  return text.replace(/(^|\s)#.*$/gm, '$1')
}

/** Whether any step of the chapters needs the cloud stand-ins. */
export function needsCloud(chapters: readonly PreparedChapter[]): boolean {
  return chapters.some((chapter) => chapter.steps.some(({step, text}) => step.kind !== 'expect' && cloudCommand.test(withoutComments(text).replace(/^\s+/gm, ''))))
}

