/** A problem with a guide or a chapter query: where it is and what to do. */
export class GuideError extends Error {
  readonly file: string
  readonly line: number | undefined
  /** What the user can do about it. */
  readonly hint: string
  /** Chapters that matched (ambiguity) or exist (no match). */
  readonly candidates: string[]

  constructor(message: string, options: {file: string; line?: number; hint: string; candidates?: string[]}) {
    const where = options.line === undefined ? options.file : `${options.file}:${options.line}`
    const list = options.candidates && options.candidates.length > 0 ? `\n${options.candidates.map((candidate) => `  - ${candidate}`).join('\n')}` : ''
    super(`${where}: ${message}${list}\n${options.hint}`)
    this.name = 'GuideError'
    this.file = options.file
    this.line = options.line
    this.hint = options.hint
    this.candidates = options.candidates ?? []
  }
}
