/** `Google Cloud` -> `google-cloud`; emoji shortcodes are expected gone. */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * `chapter-7` / `chapter-2.2` from a title ("Chapter 7 - ...", "Chapter 2.2:
 * ...") or else a file name (`chapter-7-<slug>.md`); empty when neither has a number.
 */
export function chapterSlug(title: string, file: string): string {
  const number = chapterNumberFromTitle(title) ?? chapterNumberFromFile(file)
  return number === undefined ? '' : `chapter-${number}`
}

/** `7` or `2.2` from "Chapter 7 - ...". */
export function chapterNumberFromTitle(title: string): string | undefined {
  return /^\s*chapter\s+(\d+(?:\.\d+)?)\b/i.exec(title)?.[1]
}

/** `7` from `.../chapter-7-move-the-data.md` (`22` from `chapter-22-...`). */
export function chapterNumberFromFile(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop() ?? ''
  return /^chapter-(\d+(?:\.\d+)?)(?:-|\.md$)/i.exec(base)?.[1]
}
