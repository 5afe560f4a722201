#!/usr/bin/env bash
# Load on `opsdocs serve`: wrk for 30 s at 64 connections over the site's pages (every URL
# of its sitemap, in turn), first idle, then while a note is edited every 200 ms. Prints
# wrk's report; any socket error or non-2xx answer is listed by wrk and counted here.
#
# usage: bench/serve-load.sh [CORPUS]   (default ../shared/corpus; run `make release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpus}")
opsdocs=$(realpath .build/release/opsdocs)
duration=${DURATION:-30s}
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/opsdocs-load.XXXXXX)
server=""
editor=""
cleanup() {
  [ -z "$editor" ] || kill "$editor" 2>/dev/null || true
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The notes are copied: the edits must not touch the original.
cp -r "$corpus" "$work/notes"
mkdir "$work/project"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work/project" && exec "$opsdocs" serve --source "$work/notes" --port "$port" >"$work/serve.out" 2>"$work/serve.err") &
server=$!
for _ in $(seq 1 3000); do grep -q serving "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
cat "$work/serve.out"

# Every page of the sitemap, as paths.
python3 - "$port" > "$work/paths.lua" <<'PY'
import re, sys, urllib.request
port = sys.argv[1]
xml = urllib.request.urlopen(f"http://127.0.0.1:{port}/sitemap.xml").read().decode()
paths = [re.sub(r"^[a-z]+://[^/]+", "", u) or "/" for u in re.findall(r"<loc>([^<]+)</loc>", xml)]
paths = ["/" + p.lstrip("/") for p in paths]
print("paths = {" + ",".join('"' + p.replace('"', '\\"') + '"' for p in paths) + "}")
print("""
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
""")
PY
pages=$(grep -o '"/' "$work/paths.lua" | wc -l)
note=$(find "$work/notes" -name '*.md' -size +4k | sort | head -1)
echo "corpus: $corpus; $pages page URLs; wrk $duration, 64 connections, 2 threads; $(nproc) cores"

run() {
  wrk -t2 -c64 -d"$duration" --latency -s "$work/paths.lua" "http://127.0.0.1:$port/" | tee "$work/wrk.txt"
  local rps non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$work/wrk.txt"); errors=${errors:-0}
  echo "=> $1: $rps requests/s, $errors socket errors, $non2xx non-2xx/3xx answers"
}

echo "--- idle"
run idle
echo "--- while ${note#"$work/notes/"} is edited every 200 ms"
( n=0; while true; do n=$((n+1)); printf '\n\nedit %s\n' "$n" >> "$note"; sleep 0.2; done ) &
editor=$!
run editing
kill "$editor"; editor=""
echo "rebuilds during the run: $(grep -c 'rebuilt in' "$work/serve.err" || true); slowest: $(grep -o 'rebuilt in [0-9]* ms' "$work/serve.err" | awk '{print $3}' | sort -n | tail -1) ms"
