/** What a guide needs that docs-verify cannot know, found in its plan.
 * Plain data between finding (find-needs.ts) and writing (render-config.ts). */

/** Where a command sits: the Markdown file, the line of the command itself,
 * and the line of its block's opening fence (how timeouts key a step). */
export interface CommandAt {
  file: string
  line: number
  fenceLine: number
  /** The command as the doc writes it (continuation lines joined by `\`). */
  command: string
  /** A stand-in `match` for it: the literal line, or a /regex/ when a
   * placeholder sits in it. */
  match: string
}

export interface Download extends CommandAt {
  url: string
  /** What the command writes (`-O data.zip`, the clone's folder). */
  target: string
  tool: 'wget' | 'curl' | 'git clone'
}

export interface Login extends CommandAt {
  /** The reason of docs-verify's own stand-in, when it has one. */
  handledBy?: string
}

export interface ForegroundServer extends CommandAt {
  /** A notebook the server opens: executed headless instead. */
  notebook?: string
}

export interface SlowStep extends CommandAt {
  seconds: number
  why: string
}

export interface PlaceholderNeed {
  key: string
  value: string
  source: string
  reason: string
}

export interface GuideNeeds {
  downloads: Download[]
  logins: Login[]
  servers: ForegroundServer[]
  slowSteps: SlowStep[]
  placeholders: PlaceholderNeed[]
}
