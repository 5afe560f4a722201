#!/usr/bin/env bash
# How a build scales with the size of one note: 1, 2, 5 and 10 MB notes made of the corpus'
# text (bench/make-big-note.py), and the hardening issue's 5 MB note of 9,000 short runbook
# sections, each built cold (no output, no cache), again with nothing changed, and after a
# one-line edit (the verification cache warm). Prints wall seconds and the slowest stage.
#
# usage: bench/big-notes.sh [SIZES…]        default: 1 2 5 10 sections
set -euo pipefail
cd "$(dirname "$0")/.."
opsdocs=${OPSDOCS:-$PWD/.build/release/opsdocs}
[ -x "$opsdocs" ] || swift build -c release >/dev/null
sizes=${*:-1 2 5 10 sections}
work=$(mktemp -d /tmp/opsdocs-big.XXXXXX)
trap 'rm -rf "$work"' EXIT

run() {  # label → "seconds slowest-stage"
  local start end
  start=$(date +%s.%N)
  "$opsdocs" build --quiet --timings --source "$work/content" --output "$work/public" >"$work/timings" 2>&1 || true
  end=$(date +%s.%N)
  local slowest
  slowest=$(awk '$NF == "ms" { name = $1; for (i = 2; i < NF - 1; i++) name = name " " $i;
                               if ($(NF-1) + 0 > max) { max = $(NF-1) + 0; best = name } }
                 END { if (best == "") printf "-"; else printf "%s %.1f s", best, max / 1000 }' "$work/timings")
  printf "%6.2f s  (slowest: %s)" "$(echo "$end - $start" | bc)" "$slowest"
}

printf "%-22s %-40s %-40s %s\n" note cold "nothing changed" "one-line edit"
for size in $sizes; do
  rm -rf "$work/content" "$work/public"
  mkdir -p "$work/content"
  if [ "$size" = sections ]; then
    label="5 MB, 9,000 sections"
    python3 bench/make-big-note.py 5 "$work/content/big.md" --sections 9000 >/dev/null
  else
    label="$size MB"
    python3 bench/make-big-note.py "$size" "$work/content/big.md" >/dev/null
  fi
  cold=$(run)
  unchanged=$(run)
  echo "一行新的说明。" >> "$work/content/big.md"
  edited=$(run)
  printf "%-22s %-40s %-40s %s\n" "$label" "$cold" "$unchanged" "$edited"
done
