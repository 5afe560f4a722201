#!/usr/bin/env bash
# Load on `opsdocs serve`: wrk for 30 s at 64 connections over the site's pages (every URL
# of its sitemap, in turn), first idle, then while a note is edited again 200 ms after each
# edit is served. Prints wrk's report (any socket error or non-2xx answer is counted) and,
# for the edits, how long each took from the save to the new HTML being served (p50/p95/max).
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
# A note that is a page of its own (not a folder's index) at the URL its path gives.
note=$(find "$work/notes" -name '*.md' -size +4k ! -iname readme.md ! -name index.md ! -name _index.md \
  | grep -vE '/[0-9]{4}-[0-9]{2}-[0-9]{2}|[[:space:]]' | sort | head -1)
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
# The editor appends a marker, then asks for the page until the marker is served (through the
# same loaded server), records how long that took, waits 200 ms and edits again.
python3 - "$port" "$note" "$work/notes" "$work/latency.txt" <<'PY' &
import os, sys, time, urllib.request
port, note, root, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rel = os.path.relpath(note, root)[:-3]
import urllib.parse
url = f"http://127.0.0.1:{port}/" + urllib.parse.quote(rel) + "/"
n = 0
with open(out, "w") as log:
    while True:
        n += 1
        marker = f"load-edit-{n}-{time.time_ns()}"
        start = time.monotonic()
        with open(note, "a", encoding="utf-8") as f:
            f.write(f"\n\n{marker}\n")
        while True:
            try:
                if marker in urllib.request.urlopen(url, timeout=30).read().decode("utf-8", "replace"):
                    break
            except Exception:
                pass
            time.sleep(0.01)
        log.write(f"{(time.monotonic() - start) * 1000:.1f}\n")
        log.flush()
        time.sleep(0.2)
PY
editor=$!
run editing
kill "$editor"; editor=""
echo "rebuilds during the run: $(grep -c 'rebuilt in' "$work/serve.err" || true); slowest: $(grep -o 'rebuilt in [0-9]* ms' "$work/serve.err" | awk '{print $3}' | sort -n | tail -1) ms"
python3 - "$work/latency.txt" <<'PY'
import sys
ms = sorted(float(l) for l in open(sys.argv[1]) if l.strip())
if ms:
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    print(f"edit → new HTML served, under load: {len(ms)} edits, p50 {pick(0.5):.0f} ms, p95 {pick(0.95):.0f} ms, max {ms[-1]:.0f} ms")
PY
