/**
 * Markdown inline syntax to plain text, for headings parsed without inline
 * constructs: code spans, links, images, emphasis, keys, emoji shortcodes.
 */
import {stripEmojiShortcodes as stripEmoji} from '../../dialect/index.js'

/** `Install \`gcloud\` with [pip](x) **now**` -> `Install gcloud with pip now`. */
export function plainInline(text: string): string {
  return stripEmoji(
    text
      .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, '$1')
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/(\*\*|__|\*|_|~~|==|\^\^)(?=\S)([^*_~=^]*?\S)\1/g, '$2')
      .replace(/\+\+([^+\s]+(?:\+[^+\s]+)*)\+\+/g, '$1')
      .replace(/\{[^}]*\}\s*$/, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
  )
}
