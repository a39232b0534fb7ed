#!/usr/bin/env bash
# Prints one hash of everything `npm run build` reads (sources, build
# scripts, package.json, the lockfile, the tsconfig files), by content: what
# ./dev stores in dist/.built after a build, and compares before the next.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# GNU coreutils, else the BSD/macOS tool.
if command -v sha256sum >/dev/null 2>&1; then digest=(sha256sum); else digest=(shasum -a 256); fi
find src scripts package.json package-lock.json tsconfig.json tsconfig.build.json -type f -print0 |
  LC_ALL=C sort -z | xargs -0 "${digest[@]}" | "${digest[@]}" | cut -d' ' -f1
