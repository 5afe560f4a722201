#!/usr/bin/env python3
"""Makes a large corpus by repeating ../shared/corpus with unique titles (for benchmarks only).

usage: bench/make-corpus.py PAGES OUT_DIR [SOURCE_DIR]
Copy k of every note goes to OUT_DIR/copy-k/…; its title gets " · k" (front matter title, or
a front matter added from the first H1 / file name), so no two pages share a title.
"""
import os, re, shutil, sys

pages, out = int(sys.argv[1]), sys.argv[2]
source = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
notes = sorted(os.path.relpath(os.path.join(d, f), source) for d, _, fs in os.walk(source) for f in fs if f.endswith(".md"))
if os.path.exists(out): shutil.rmtree(out)
written, k = 0, 0
while written < pages:
    for rel in notes:
        if written >= pages: break
        text = open(os.path.join(source, rel), encoding="utf-8").read()
        m = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if m and re.search(r"^title:", m.group(1), re.M):
            text = re.sub(r"^(title:\s*)(.*)$", lambda t: f"{t.group(1)}{t.group(2).strip().strip(chr(34))} · {k}", text, count=1, flags=re.M)
        elif not m:
            h1 = re.search(r"^# (.+)$", text, re.M)
            title = (h1.group(1) if h1 else os.path.splitext(os.path.basename(rel))[0]).replace('"', "'")
            text = f'---\ntitle: "{title} · {k}"\n---\n' + text
        target = os.path.join(out, f"copy-{k}", rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "w", encoding="utf-8").write(text)
        written += 1
    k += 1
print(f"{written} notes in {out}")
