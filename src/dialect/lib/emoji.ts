/** Remove `:simple-googlecloud:` style emoji shortcodes and tidy spaces. */
export function stripEmojiShortcodes(text: string): string {
  return text
    .replace(/:[a-z0-9][a-z0-9_+-]*:/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
