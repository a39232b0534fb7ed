/** How to write for the stream at hand: colour only on a terminal and never
 * with NO_COLOR (https://no-color.org); live progress only on a terminal
 * outside CI. */
export interface TerminalStyle {
  tty: boolean
  color: boolean
  live: boolean
}

/** Reads the conventions from the environment and the stream. */
export function terminalStyle(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  const tty = stream.isTTY === true
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== ''
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0'
  const ci = env.CI === 'true' || env.CI === '1'
  const color = !noColor && (forced || (tty && env.TERM !== 'dumb'))
  return {tty, color, live: tty && !ci && env.TERM !== 'dumb'}
}
