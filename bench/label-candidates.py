#!/usr/bin/env python3
"""Draws fenced blocks for a labeller: two disjoint samples (a tuning set and a held-out set).

usage: bench/label-candidates.py OUT_DIR [TUNING] [HELDOUT]      default 320 and 160 blocks

Blocks come from ../shared/corpus-extra (60 %, or EXTRA_SHARE) and ../shared/corpus (the rest), half of them bare
fences (no info string), never a block already in one of the labelled sets of Tests/Fixtures/snippets/.
Each candidate carries only what a labeller needs — corpus, source, index, line, info and the
block's text read from the note — never anything opsdocs concluded about it. The block list
(source, index, line) comes from `opsdocs snippets --json`, so indexes match opsdocs's.
"""
import json, os, random, subprocess, sys

from fences import block_text

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..")
shared = os.path.join(root, "..", "shared")
out_dir = sys.argv[1]
tuning_n = int(sys.argv[2]) if len(sys.argv) > 2 else 320
heldout_n = int(sys.argv[3]) if len(sys.argv) > 3 else 160
opsdocs = os.path.join(root, ".build", "release", "opsdocs")

taken = set()
labels_dir = os.path.join(root, "Tests", "Fixtures", "snippets")
for name in sorted(os.listdir(labels_dir)):
    path = os.path.join(labels_dir, name)
    if name.endswith(".json"):
        for label in json.load(open(path, encoding="utf-8")):
            taken.add((label.get("corpus", "corpus"), label["source"], label["index"]))

candidates = []
for corpus in ("corpus-extra", "corpus"):
    folder = os.path.join(shared, corpus)
    manifest = json.loads(subprocess.run([opsdocs, "snippets", "--json", "--source", folder],
                                         capture_output=True, text=True, cwd="/tmp").stdout)
    for entry in manifest:
        key = (corpus, entry["source"], entry["index"])
        if key in taken:
            continue
        info, code = block_text(os.path.join(folder, entry["source"]), entry["line"])
        if not code.strip() or len(code) > 6000:
            continue
        candidates.append({"corpus": corpus, "source": entry["source"], "index": entry["index"],
                           "line": entry["line"], "info": info, "code": code})

def spread(group, n, rng, cap=4):
    """n blocks of `group`, at most `cap` from one note, so no single note dominates."""
    group = group[:]
    rng.shuffle(group)
    picked, per_note = [], {}
    for c in group:
        if len(picked) >= n:
            break
        if per_note.get(c["source"], 0) >= cap:
            continue
        per_note[c["source"]] = per_note.get(c["source"], 0) + 1
        picked.append(c)
    return picked

rng = random.Random(int(os.environ.get("SEED", "20261201")))
key = lambda c: (c["corpus"], c["source"], c["index"])
# Bare fences are few (about a hundred in both corpora): all of them, 60 % tuning, 40 % held out.
bare = [c for c in candidates if c["info"] == ""]
rng.shuffle(bare)
cut = len(bare) * 3 // 5
tuning, heldout = bare[:cut], bare[cut:]
rest = [c for c in candidates if c["info"] != ""]
extra_share = float(os.environ.get("EXTRA_SHARE", "0.6"))
for corpus, share in (("corpus-extra", extra_share), ("corpus", 1 - extra_share)):
    group = [c for c in rest if c["corpus"] == corpus]
    first = spread(group, round((tuning_n - cut) * share), rng)
    used = {key(c) for c in first}
    second = spread([c for c in group if key(c) not in used], round((heldout_n - (len(bare) - cut)) * share), rng)
    tuning += first
    heldout += second
tuning.sort(key=key)
heldout.sort(key=key)
os.makedirs(out_dir, exist_ok=True)
for name, blocks in (("tuning-candidates.json", tuning), ("heldout-candidates.json", heldout)):
    json.dump(blocks, open(os.path.join(out_dir, name), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    bare = sum(1 for b in blocks if b["info"] == "")
    print(f"{name}: {len(blocks)} blocks ({bare} bare fences) from {len(set((b['corpus'], b['source']) for b in blocks))} notes")
