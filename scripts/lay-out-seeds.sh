#!/usr/bin/env bash
# Lays out the real input the tests read from ../shared/seeds, from a Git
# clone of the guide's public repository (swiss-ai-center/a-guide-to-mlops),
# the way CI here has it: for the repository's own GitHub workflow, which has
# no shared/ folder of its own.
#
#   scripts/lay-out-seeds.sh GUIDE_REPO DEST     (DEST: usually ../shared/seeds)
#
# DEST gets a-guide-to-mlops-6f332358/ (mkdocs.yml and every Markdown file
# of docs/ at the seed's commit), the data chapter at that commit and the
# code chapter at a commit that holds the seed's text. Commits missing from
# a shallow clone are fetched by hash. Each chapter file is checked against
# the Git object the seeds README describes, so a wrong commit fails loudly.
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
repo=$1
dest=$2

seed_commit=6f33235848021212aa8ef38bcd12833a0cc05ab4
data_path=docs/part-2-move-the-model-to-the-cloud/chapter-7-move-the-ml-experiment-data-to-the-cloud.md
data_blob=5c7db97967f78408d5fc2a497fd2a243715eeac5
code_commit=c2ee6b6bb8967641d9f863b2e000a9f3f1f79db7
code_path=docs/part-2-move-to-the-cloud/chapter-7-move-the-ml-experiment-code-to-the-cloud/index.md
code_blob=d074b742020314a5e756714c0a1c14496f6a668d

have() { git -C "$repo" cat-file -e "$1^{commit}" 2>/dev/null; }
for commit in "$seed_commit" "$code_commit"; do
  have "$commit" || git -C "$repo" fetch --quiet --depth 1 origin "$commit"
  have "$commit" || { echo "lay-out-seeds: commit $commit is not in $repo" >&2; exit 1; }
done

# Writes one file of a commit to a destination, checking its Git object.
extract() {
  local commit=$1 path=$2 blob=$3 target=$4
  local found
  found=$(git -C "$repo" rev-parse "$commit:$path")
  [ "$found" = "$blob" ] || { echo "lay-out-seeds: $commit:$path is $found, expected $blob" >&2; exit 1; }
  git -C "$repo" cat-file blob "$blob" > "$target"
}

guide=$dest/a-guide-to-mlops-6f332358
rm -rf "$guide"
mkdir -p "$guide"
git -C "$repo" archive "$seed_commit" mkdocs.yml docs | tar -x -C "$guide"
# The seed guide is the Markdown and the nav, nothing else.
find "$guide/docs" -type f ! -name '*.md' -delete
find "$guide/docs" -type d -empty -delete
extract "$seed_commit" "$data_path" "$data_blob" "$dest/chapter-7-move-the-ml-experiment-data-to-the-cloud.md"
extract "$code_commit" "$code_path" "$code_blob" "$dest/chapter-7-move-the-ml-experiment-code-to-the-cloud.md"
echo "lay-out-seeds: $(find "$guide" -type f | wc -l) guide files and 2 chapter files in $dest"
