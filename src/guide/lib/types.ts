/** A page of the guide, in nav order. */
export interface Chapter {
  /** Nav title, else the page's first `#` heading, else the file name. */
  title: string
  /** Absolute path of the Markdown file. */
  file: string
  /** Path as written in the nav, relative to the docs directory. */
  path: string
  /** Nav sections above the page, outermost first. */
  section: string[]
  /** `7` or `2.2` when the title or file name carries a chapter number. */
  number?: string
  /** `chapter-7` style key, or '' when there is no number. */
  slug: string
  /** Line of the nav entry in the config file, when known. */
  line?: number
  /** Whether the file exists. */
  exists: boolean
}

export interface GuideProblem {
  file: string
  line?: number
  message: string
}

export interface Guide {
  /** Directory the guide was loaded from. */
  root: string
  /** `mkdocs.yml` or `zensical.toml` that gave the nav, or null. */
  configFile: string | null
  /** Absolute docs directory (`docs_dir`, default `docs`). */
  docsDir: string
  chapters: Chapter[]
  /** Nav entries pointing at missing files, unreadable config, ... */
  problems: GuideProblem[]
}

/** A nav entry before files are looked at. */
export interface NavPage {
  title?: string
  path: string
  section: string[]
  line?: number
}
