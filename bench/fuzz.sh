#!/usr/bin/env bash
# Runs one libFuzzer target (Fuzz/<TARGET>/) for SECONDS and reports executions and crashes.
#
# usage: bench/fuzz.sh TARGET SECONDS        TARGET: FrontMatter Transcript Tokenizer Links Highlighter
#        bench/fuzz.sh all SECONDS           every target in turn
#
# Targets are built with OPSDOCS_FUZZ=1 (see Package.swift) and -sanitize=fuzzer,address into
# .build-fuzz/. Seeds are the notes of ../shared/corpus and ../shared/corpus-extra (whole notes for
# front matter and links, their fenced blocks for the transcript parser and highlighter, their
# lines for the tokenizer). Crashes are kept in bench/fuzz-findings/<TARGET>/ (git-ignored);
# every crash fixed becomes a fixture in Tests/Fixtures/fuzz/.
# Swift's own crash backtracer is off (SWIFT_BACKTRACE=enable=no): libFuzzer prints the stack,
# and the backtracer can wait forever on a crashed fuzz process.
# Leak reports are off (-detect_leaks=0): TOMLKit leaks its parse-error message on every invalid
# TOML front matter, which is not ours to fix and would stop the run at once.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: bench/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: bench/fuzz.sh TARGET SECONDS}
shared=${SHARED:-../shared}

if [ "$target" = all ]; then
  for t in FrontMatter Transcript Tokenizer Links Highlighter; do "$0" "$t" "$seconds"; done
  exit 0
fi
product="Fuzz$target"
OPSDOCS_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product "$product" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing 2>&1 | grep -E "error|Compiling|Build" | tail -3

work=$(mktemp -d /tmp/opsdocs-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds" "$work/corpus" "bench/fuzz-findings/$target"
python3 - "$target" "$work/seeds" "$shared/corpus" "$shared/corpus-extra" <<'PY'
import os, re, sys, hashlib
target, out, *sources = sys.argv[1:]
notes = [os.path.join(d, f) for s in sources if os.path.isdir(s) for d, _, fs in os.walk(s) for f in fs if f.endswith(".md")]
seeds = []
for path in sorted(notes):
    text = open(path, encoding="utf-8", errors="replace").read()
    if target in ("FrontMatter", "Links"):
        seeds.append(text[:16384])
    elif target in ("Transcript", "Highlighter"):
        seeds += re.findall(r"```[^\n]*\n(.*?)```", text, re.S)
    else:
        seeds += [l for l in text.split("\n") if l.strip()][:40]
for seed in seeds[:4000]:
    data = seed.encode()
    open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb").write(data)
print(f"{len(seeds[:4000])} seeds from {len(notes)} notes")
PY

log="$work/log"
set +e
SWIFT_BACKTRACE=enable=no ".build-fuzz/release/$product" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
  -detect_leaks=0 -print_final_stats=1 -artifact_prefix="bench/fuzz-findings/$target/" \
  "$work/corpus" "$work/seeds" >"$log" 2>&1
status=$?
set -e
executions=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" || echo 0)
rate=$(grep -oE "exec/s: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+$" || echo 0)
coverage=$(grep -oE "cov: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+$" || echo 0)
crashes=$(grep -cE "^==[0-9]+==ERROR|^Fatal error|deadly signal|Test unit written" "$log" || true)
echo "fuzz $target: ${seconds} s, $executions executions (~$rate/s), coverage $coverage, crashes $crashes, exit $status"
if [ "$crashes" != 0 ]; then grep -E 'ERROR|Fatal error|#[0-9]+ .* in [$]s' "$log" | head -20; tail -5 "$log"; exit 1; fi
