#!/usr/bin/env bash
# `opsdocs snippets --check` on a corpus: cold (no verification cache) and warm (cache from the
# cold run), with the counts by kind and status it prints.
#
# usage: bench/snippets.sh [CORPUS_DIR]   (default ../shared/corpus; run `make release` first)
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpus}")
opsdocs=$(realpath .build/release/opsdocs)
project=$(mktemp -d /tmp/opsdocs-snippets-bench.XXXXXX)
trap 'rm -rf "$project"' EXIT
cd "$project"   # the verification cache goes to $project/cache (--cache-dir): cold starts without one
for run in cold warm; do
  start=$(date +%s.%N)
  "$opsdocs" snippets --check --source "$corpus" --cache-dir "$project/cache" > "$project/out.txt" 2> "$project/err.txt"
  status=$?
  end=$(date +%s.%N)
  printf '%s: %.2f s wall, exit %d, %d error lines, %d warning lines\n' "$run" "$(echo "$end - $start" | bc)" "$status" \
    "$(grep -c ': error:' "$project/err.txt")" "$(grep -c ': warning:' "$project/err.txt")"
done
tail -n 1 "$project/out.txt"
