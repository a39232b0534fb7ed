/** Colour functions that are the identity when colour is off, so renderers
 * never emit escape codes unless asked (the caller honours NO_COLOR). */
export interface Style {
  green(text: string): string
  red(text: string): string
  yellow(text: string): string
  cyan(text: string): string
  dim(text: string): string
  bold(text: string): string
}

/** SGR colours, or none. */
export function createStyle(color: boolean): Style {
  const sgr =
    (open: number, close: number) =>
    (text: string): string =>
      color ? `\u001B[${open}m${text}\u001B[${close}m` : text
  return {
    green: sgr(32, 39),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22)
  }
}
