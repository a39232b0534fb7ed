#!/usr/bin/env bash
# Builds the bundled guide's site with MkDocs-Material in strict mode, so a
# broken link, a nav entry without a page or a bad extension setting fails.
#
#   scripts/build-site.sh                    build into a temporary directory
#   scripts/build-site.sh --site-dir site    build into site/ and keep it
#
# The venv lives outside the checkout (DOCS_VENV, default
# ${XDG_CACHE_HOME:-$HOME/.cache}/docs-verify/docs-venv) and is reinstalled
# only when requirements-docs.txt changes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv=${DOCS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/docs-verify/docs-venv}
log() { printf 'build-site: %s\n' "$*" >&2; }

site_dir=
while [ $# -gt 0 ]; do
  case $1 in
    --site-dir) [ $# -ge 2 ] || { log "--site-dir needs a directory"; exit 2; }; site_dir=$2; shift 2 ;;
    --site-dir=*) site_dir=${1#--site-dir=}; shift ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) log "unknown argument '$1' (try --help)"; exit 2 ;;
  esac
done

stamp=$venv/.requirements-docs.txt
if [ ! -x "$venv/bin/mkdocs" ] || ! cmp -s "$root/requirements-docs.txt" "$stamp"; then
  log "installing requirements-docs.txt into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --requirement "$root/requirements-docs.txt"
  cp "$root/requirements-docs.txt" "$stamp"
fi

if [ -z "$site_dir" ]; then
  site_dir=$(mktemp -d "${TMPDIR:-/tmp}/docs-verify-site.XXXXXX")
  trap 'rm -rf "$site_dir"' EXIT
fi

# The Material banner about MkDocs 2 is advice, not a build problem.
export NO_MKDOCS_2_WARNING=${NO_MKDOCS_2_WARNING:-1}
"$venv/bin/mkdocs" build --strict --config-file "$root/mkdocs.yml" --site-dir "$site_dir"
log "site built in $site_dir"
