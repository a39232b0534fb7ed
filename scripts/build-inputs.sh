#!/usr/bin/env bash
# Prints one hash of everything `npm run build` reads (sources, build
# scripts, package.json, the lockfile, the tsconfig files), by content: what
# ./dev stores in dist/.built after a build, and compares before the next.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
find src scripts package.json package-lock.json tsconfig.json tsconfig.build.json -type f -print0 |
  LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
