#!/usr/bin/env bash
# Times `opsdocs build` against the cmark-gfm CLI (rendering the same Markdown: the floor for
# the Markdown work), Hugo (minimal templates, highlighting on) and Hugo + Pagefind, in one
# run per corpus size, and prints the ratios; then peak RSS and output bytes and files from one
# more build of each; then how the cost grows with the number of notes.
#
# opsdocs is timed cold (no output folder, so no build state and an empty verification cache),
# with nothing changed (rebuilding over its own output), and after a one-note edit (a line
# appended to one note, then rebuilding). Deleting old output and making the edit are
# hyperfine's --prepare, never timed as build. opsdocs builds a copy of the corpus.
# Old output is moved into a trash folder, deleted after the size's runs, not deleted before a
# run: ext4 makes a file created within a minute of a mass deletion scan past the deleted
# inodes (find_inode_bit → recently_deleted), which cost opsdocs 3 to 10 s of a 10,000-note
# build and Hugo less (it writes fewer files); a docs repo's CI builds on a fresh disk.
# DELETE=1 deletes before each run instead (the figures with that after-effect).
#
# usage: bench/build.sh [SIZE...]   (default: 358 1000 10000; run `make release` first)
#   358 is ../shared/corpus itself; other sizes are copies of it with unique titles made by
#   bench/make-corpus.py (kept in /tmp/opsdocs-corpus-SIZE). RUNS=N sets hyperfine's runs
#   (default 5 below 2,000 notes, 2 up to 10,000, 1 above); WARMUP=N its warm-up runs (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
opsdocs=$(realpath .build/release/opsdocs)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(358 1000 10000)
summary=$(mktemp /tmp/opsdocs-bench-summary.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -f "$summary"' EXIT

command -v hyperfine >/dev/null || { echo "installing hyperfine"; apt-get install -y -qq hyperfine >/dev/null; }
command -v cmark-gfm >/dev/null || { echo "installing cmark-gfm"; apt-get install -y -qq cmark-gfm >/dev/null; }
pagefind=""
python3 -m pagefind --version >/dev/null 2>&1 && pagefind="python3 -m pagefind"
[ -n "$pagefind" ] || echo "pagefind not installed (pip install 'pagefind[extended]'): Hugo + Pagefind skipped"
source bench/hugo-site.sh

bench_one() {  # SIZE CORPUS
  local size=$1 corpus=$2
  local work; work=$(mktemp -d /tmp/opsdocs-bench.XXXXXX)
  local runs=${RUNS:-}
  [ -n "$runs" ] || { if [ "$size" -lt 2000 ]; then runs=5; elif [ "$size" -le 10000 ]; then runs=2; else runs=1; fi; }
  mapfile -d '' files < <(find "$corpus" -name '*.md' -print0 | sort -z)
  local bytes; bytes=$(printf "%s\0" "${files[@]}" | xargs -0 cat | wc -c)
  echo
  echo "== ${#files[@]} notes ($corpus, $bytes bytes); $(nproc) cores; $runs runs each"

  local hugo_cmd=""
  if make_hugo_site "$corpus" "$work/hugo"; then
    hugo_cmd="hugo --quiet --source $work/hugo --destination $work/hugo-out"
  fi
  local ext="-e table -e strikethrough -e autolink -e tagfilter -e tasklist"
  printf '%s\0' "${files[@]}" > "$work/files"
  cp -r "$corpus" "$work/src"
  local edited; edited=$(find "$work/src" -name '*.md' | sort | sed -n 1p)
  mkdir -p "$work/proj"
  local build="cd $work/proj && $opsdocs build --quiet --source $work/src"
  local cmds=("xargs -0 -a $work/files cmark-gfm $ext > /dev/null" "$build --output $work/cold" "$build --output $work/warm"
              "$build --output $work/edit")
  local names=("cmark-gfm CLI (render only)" "opsdocs build, cold" "opsdocs build, nothing changed" "opsdocs build, one note edited")
  mkdir -p "$work/trash"
  # (`retire X`, as a prepare command: X moved into the trash, or deleted with DELETE=1)
  retire() {
    if [ -n "${DELETE:-}" ]; then echo "rm -rf $*"; else
      local cmd="true"; for p in "$@"; do cmd+="; [ ! -e $p ] || mv $p $work/trash/\$(date +%s%N)"; done; echo "$cmd"; fi
  }
  local prepares=("true" "$(retire "$work/cold" "$work/.cold.opsdocs-prev")" "true" "echo 'edited line' >> $edited")
  if [ -n "$hugo_cmd" ]; then
    cmds+=("$hugo_cmd"); names+=("hugo"); prepares+=("$(retire "$work/hugo-out")")
    if [ -n "$pagefind" ]; then
      cmds+=("$hugo_cmd && $pagefind --site $work/hugo-out --quiet"); names+=("hugo + pagefind"); prepares+=("$(retire "$work/hugo-out")")
    fi
  fi
  for out in warm edit; do (eval "$build --output $work/$out" >/dev/null) || true; done

  local args=()
  for i in "${!cmds[@]}"; do args+=(--prepare "${prepares[$i]}"); done
  for i in "${!cmds[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
  hyperfine --style basic --warmup "${WARMUP:-1}" --runs "$runs" --ignore-failure --export-json "$work/result.json" "${args[@]}" >/dev/null

  # Peak RSS and output, from one more cold build of each.
  measure() {  # NAME OUTPUT_DIR... -- COMMAND (RSS: the largest of the commands' processes)
    local name=$1; shift
    local outs=()
    while [ "$1" != "--" ]; do outs+=("$1"); shift; done
    shift
    eval "$(retire "${outs[0]}")"
    /usr/bin/time -o "$work/rss" -f "%M" bash -c "$*" >/dev/null 2>&1 || true
    local rss out_bytes=0 out_files=0
    rss=$(tail -1 "$work/rss")
    for out in "${outs[@]}"; do
      out_bytes=$((out_bytes + $(du -sb --exclude=.opsdocs "$out" | cut -f1)))
      out_files=$((out_files + $(find "$out" -type f -not -path '*/.opsdocs/*' | wc -l)))
    done
    echo "{\"size\": $size, \"name\": \"$name\", \"rss\": $rss, \"bytes\": $out_bytes, \"files\": $out_files}" >> "$work/measure.jsonl"
  }
  : > "$work/measure.jsonl"
  measure "opsdocs build, cold" "$work/cold" -- "${cmds[1]}"
  if [ -n "$hugo_cmd" ]; then
    measure "hugo" "$work/hugo-out" -- "$hugo_cmd"
    [ -z "$pagefind" ] || measure "hugo + pagefind" "$work/hugo-out" -- "$hugo_cmd && $pagefind --site $work/hugo-out --quiet"
  fi

  python3 - "$work/result.json" "$work/measure.jsonl" "$size" "${#files[@]}" "$summary" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
measured = {m["name"]: m for m in map(json.loads, open(sys.argv[2]))}
size, notes, summary = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
by = {r["command"]: r for r in results}
floor, hugo = by["cmark-gfm CLI (render only)"]["median"], by.get("hugo", {}).get("median")
print(f"{'command':32} {'median':>10} {'user+sys':>10} {'vs cmark':>9} {'vs hugo':>8} {'peak RSS':>9} {'output':>10} {'files':>7}")
for r in results:
    m = measured.get(r["command"], {})
    cpu = r["user"] + r["system"]
    rss = f"{m['rss'] // 1024} MB" if m else ""
    out = f"{m['bytes'] / 1e6:.1f} MB" if m else ""
    files = str(m["files"]) if m else ""
    vs_hugo = f"{r['median'] / hugo:.2f}x" if hugo else ""
    print(f"{r['command']:32} {r['median']*1000:8.0f}ms {cpu*1000:8.0f}ms {r['median']/floor:8.1f}x {vs_hugo:>8} {rss:>9} {out:>10} {files:>7}")
with open(summary, "a") as f:
    f.write(json.dumps({"notes": notes, "medians": {r["command"]: r["median"] for r in results},
                        "rss": {k: v["rss"] for k, v in measured.items()}}) + "\n")
PY
  rm -rf "$work"
}

for size in "${sizes[@]}"; do
  if [ "$size" = 358 ]; then
    bench_one 358 "$(realpath ../shared/corpus)"
  else
    corpus=/tmp/opsdocs-corpus-$size
    [ "$(find "$corpus" -name '*.md' 2>/dev/null | wc -l)" = "$size" ] || python3 bench/make-corpus.py "$size" "$corpus"
    bench_one "$size" "$corpus"
  fi
done

# How the cost grows: time and memory per note at each size (linear growth keeps them flat).
python3 - "$summary" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
if len(rows) < 2: sys.exit()
print(f"\n{'notes':>7} {'cold ms/note':>13} {'unchanged ms':>13} {'edit ms':>9} {'hugo ms/note':>13} {'opsdocs RSS MB':>15}")
for r in rows:
    m = r["medians"]
    hugo = m.get("hugo")
    print(f"{r['notes']:7} {m['opsdocs build, cold'] * 1000 / r['notes']:13.2f} {m['opsdocs build, nothing changed'] * 1000:13.0f} "
          f"{m['opsdocs build, one note edited'] * 1000:9.0f} {(hugo * 1000 / r['notes']) if hugo else 0:13.2f} "
          f"{r['rss'].get('opsdocs build, cold', 0) // 1024:15}")
PY
