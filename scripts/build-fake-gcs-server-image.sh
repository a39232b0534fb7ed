#!/usr/bin/env bash
# Build the fake-gcs-server image that `--gcs container` starts, locally,
# without a registry: a statically linked binary in a `FROM scratch` image,
# tagged with the exact name and tag src/cloud pins, so testcontainers'
# pull-if-missing finds it and never tries to pull.
# Idempotent: does nothing when that image is already there. Needs Go >= 1.25
# and a running Docker engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# One source of truth for the image name: the constant the code starts.
image=$(sed -n "s/^export const FAKE_GCS_SERVER_IMAGE = '\(.*\)'$/\1/p" src/cloud/lib/emulator-container.ts)
[ -n "$image" ] || { echo "error: FAKE_GCS_SERVER_IMAGE not found in src/cloud/lib/emulator-container.ts" >&2; exit 1; }
version="v${image##*:}"
module="github.com/fsouza/fake-gcs-server"

command -v docker >/dev/null 2>&1 || { echo "error: docker is not on PATH; install a Docker engine (Debian: apt-get install docker.io)" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "error: the Docker engine does not answer; start it (dockerd &) and retry" >&2; exit 1; }

if [ -n "$(docker images -q "$image" 2>/dev/null)" ]; then
  echo "image $image already built"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "error: Go is not on PATH; install Go >= 1.25 (https://go.dev/dl/)" >&2; exit 1; }

# A separate folder from the binary backend's build: that one is dynamically
# linked (cgo), which does not run from scratch.
context="${XDG_CACHE_HOME:-$HOME/.cache}/docs-verify/image-build"
mkdir -p "$context"
# Rebuilt only when missing: a static binary of that version, checked as such.
if ! go version -m "$context/fake-gcs-server" 2>/dev/null | grep -q "CGO_ENABLED=0" ||
   ! go version -m "$context/fake-gcs-server" 2>/dev/null | grep -q "$module[[:space:]]*$version"; then
  echo "building a static $module@$version into $context"
  CGO_ENABLED=0 GOBIN="$context" go install "$module@$version"
fi
# /bin, as in the upstream image: testcontainers' CloudStorageEmulatorContainer
# replaces the entrypoint with a bare `fake-gcs-server`, found through PATH.
cat > "$context/Dockerfile" <<'EOF'
FROM scratch
ENV PATH=/bin
COPY fake-gcs-server /bin/fake-gcs-server
ENTRYPOINT ["/bin/fake-gcs-server"]
EOF
# Quiet unless it fails (the engine's legacy builder warns on every build).
if ! log=$(docker build --tag "$image" "$context" 2>&1); then
  printf '%s\n' "$log" >&2
  echo "error: docker build of $image failed" >&2
  exit 1
fi
echo "image $image built from $context"
