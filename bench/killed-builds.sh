#!/usr/bin/env bash
# Kills incremental builds at increasing delays and checks what each leaves: the old site
# exactly, or the new one complete, never a mix; and that the build after it publishes what a
# clean build of the same notes does. Each round edits one note of a copy of the corpus, builds
# the edited notes into a clean folder (the expected new site), then starts `opsdocs build`
# on the real output and `kill -9`s it after DELAY seconds.
#
# usage: bench/killed-builds.sh [CORPUS] [DELAYS...]   (default ../shared/corpus, 0.02 … 0.30 s;
#        run `make release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
opsdocs=$(realpath .build/release/opsdocs)
corpus=$(realpath "${1:-../shared/corpus}")
shift || true
delays=("$@")
[ ${#delays[@]} -gt 0 ] || delays=(0.02 0.05 0.08 0.11 0.14 0.17 0.20 0.25 0.30)
work=$(mktemp -d /tmp/opsdocs-killed.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus" "$work/src"
note=$(find "$work/src" -name '*.md' | sort | sed -n 1p)
snapshot() { (cd "$1" && find . -type f -not -path './.opsdocs/*' -not -name .opsdocs-generation -print0 | sort -z | xargs -0 md5sum); }
build() { "$opsdocs" build --quiet --source "$work/src" --output "$1" >/dev/null 2>&1 || true; }

build "$work/out"
printf '\nfirst edit\n' >> "$note"
build "$work/out"  # the previous generation exists from here on
old=0 new=0 mixed=0 wrong=0
for delay in "${delays[@]}"; do
  snapshot "$work/out" > "$work/before"
  printf '\nedit killed after %s s\n' "$delay" >> "$note"
  rm -rf "$work/clean"
  build "$work/clean"
  snapshot "$work/clean" > "$work/expected"
  "$opsdocs" build --quiet --source "$work/src" --output "$work/out" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  snapshot "$work/out" > "$work/after"
  if cmp -s "$work/before" "$work/after"; then result=old; old=$((old + 1))
  elif cmp -s "$work/expected" "$work/after"; then result=new; new=$((new + 1))
  else result=MIXED; mixed=$((mixed + 1)); fi
  build "$work/out"
  snapshot "$work/out" > "$work/after"
  if cmp -s "$work/expected" "$work/after"; then next="next build = clean build"; else next="NEXT BUILD DIFFERS"; wrong=$((wrong + 1)); fi
  printf 'kill after %5s s: %-5s  %s\n' "$delay" "$result" "$next"
done
leftovers=$(find "$work" -maxdepth 1 -name '.out.opsdocs-*' | wc -l)
echo "old site kept: $old, new site complete: $new, mixed: $mixed; next builds wrong: $wrong; left beside the output: $leftovers"
[ "$mixed" -eq 0 ] && [ "$wrong" -eq 0 ]
