/** The text of `docs-verify --help`. */
export const helpText = `docs-verify: run a tutorial's Markdown like a learner would, and check what it promises

Usage:
  docs-verify <chapter> [options]     verify one chapter (chapter-7, a title, or a path)
  docs-verify <from>..<to> [options]  verify a range of chapters in nav order
  docs-verify all [options]           verify every chapter of the guide
  docs-verify list                    chapters with step counts per variant
  docs-verify lint [paths...]         report defects in the Markdown itself
  docs-verify init                    write a commented docs-verify.config.yaml for the guide

Planning:
  -n, --dry-run            show what a learner would do, run nothing
  -f, --format FORMAT      with --dry-run: text (default), sh (a bash script), json (the plan)
  -p, --provider LABEL     choose the provider tab (label or slug: google-cloud)
  -t, --tab LABEL          choose another tab (repeatable: --tab gitlab --tab macos)
  -s, --set 'KEY=VALUE'    a placeholder's value (--set 'my project id=mlops-demo')
  -c, --config FILE        docs-verify.config.json/.yaml (default: found beside mkdocs.yml)
      --guide DIR          the guide's root (default: search upward for mkdocs.yml)

Running:
      --from CHAPTER       run the chapters from CHAPTER up to the target first
      --keep               keep the sandbox and print its path
      --timeout SECONDS    default per-step timeout (300)
      --gcs BACKEND        GCS emulator: auto (default), container, binary, url
      --gcs-url URL        with --gcs url: the emulator you run
      --sandbox MODE       auto (default: bubblewrap when it works here), bwrap, none (not isolated)
  -u, --update             rewrite expected outputs that differ with what the commands printed
      --step               run one step at a time (the learner's replay)
  -w, --watch              re-verify when the chapter or one before it changes
      --no-cache           ignore cached chapter snapshots
  -j, --jobs N             run independent chains in parallel
      --shard I/N          run the I-th of N deterministic slices of the work

Reporting:
  -r, --reporter NAME[=FILE]  plain (default), json, junit, github, markdown; repeatable,
                           each to its FILE (at most one to standard output):
                           --reporter github --reporter junit=report.xml --reporter json=run.json
  -o, --output FILE        the FILE of the one reporter given without =FILE
  -V, --verbose            also show tolerated differences and stand-ins (notices on GitHub)
  With GITHUB_STEP_SUMMARY set, a Markdown summary of the run is appended to it.

  -h, --help               this help
  -v, --version            the version

Exit codes: 0 every check passed, 1 some check failed, 2 usage or input error.
Colour is used only on a terminal and never when NO_COLOR is set.
`
