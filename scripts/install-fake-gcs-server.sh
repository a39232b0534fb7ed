#!/usr/bin/env bash
# Install fake-gcs-server (pinned) into the docs-verify cache, where
# src/cloud finds it: ${XDG_CACHE_HOME:-~/.cache}/docs-verify/bin.
# Idempotent: does nothing when that version is already there. Needs Go >= 1.25.
set -euo pipefail

version="v1.55.1"
module="github.com/fsouza/fake-gcs-server"
bin_dir="${XDG_CACHE_HOME:-$HOME/.cache}/docs-verify/bin"
binary="$bin_dir/fake-gcs-server"

installed_version() {
  # `go version -m` reads the module version the binary was built from.
  go version -m "$binary" 2>/dev/null | awk '$1 == "mod" && $2 == "'"$module"'" {print $3}'
}

if [ -x "$binary" ] && command -v go >/dev/null 2>&1 && [ "$(installed_version)" = "$version" ]; then
  echo "fake-gcs-server $version already in $bin_dir"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is not on PATH; install Go >= 1.25 (https://go.dev/dl/) or use Docker (image fsouza/fake-gcs-server:1.55.1)" >&2
  exit 1
fi

mkdir -p "$bin_dir"
echo "installing $module@$version into $bin_dir"
GOBIN="$bin_dir" go install "$module@$version"
"$binary" -h >/dev/null 2>&1 || true
echo "fake-gcs-server $version installed: $binary"
