#!/usr/bin/env python3
"""A second, independent reading of a labelled set, and the adjudication of where two readers differ.

One reader's labels carry that reader's habits: on close calls (a syntax template, a caption above
output, `my-pod`) two readers who follow the same RULES.md disagree. A held-out figure measured
against one reader cannot tell the classifier's errors from the reader's. So each held-out block is
read twice, by readers who never saw opsdocs's code or each other's labels, and a third reader
settles every block where they differ, seeing both labels (as "A" and "B", in random order) and the
rules — never what opsdocs makes of the block.

usage:
  bench/second-reading.py candidates SET.json OUT_DIR       blocks of SET without their labels (+ RULES.md)
  bench/second-reading.py compare SET.json SECOND.json OUT  agreement figures; OUT/disputes.json to adjudicate
  bench/second-reading.py merge SET.json SECOND.json RULINGS.json OUT.json
                                                            the adjudicated set: agreed labels + rulings
A label is the triple (kind, script, runnable); two readers agree on a block when all three match.
"""
import json, os, random, shutil, sys

import fences

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "Tests", "Fixtures", "snippets")
shared = os.path.join(here, "..", "..", "shared")

def key(b):
    return (b.get("corpus", "corpus"), b["source"], b["index"])

def block_text(corpus, source, line):
    # The synthetic-* notes are the project's own fixtures; the other corpora are ../shared's.
    folder = fixtures if corpus.startswith("synthetic-") else shared
    return fences.block_text(os.path.join(folder, corpus, source), line)[1]

def load(path):
    return json.load(open(path, encoding="utf-8"))

def label(b):
    kind = b["kind"]
    shellish = kind in ("shell", "console")
    return (kind, b.get("script") if shellish else None, bool(b.get("runnable")) if shellish else False)

def candidates(set_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    blocks = []
    for b in load(set_path):
        corpus = b.get("corpus", "corpus")
        blocks.append({"corpus": corpus, "source": b["source"], "index": b["index"], "line": b["line"],
                       "info": b["info"], "code": block_text(corpus, b["source"], b["line"])})
    json.dump(blocks, open(os.path.join(out_dir, "candidates.json"), "w", encoding="utf-8"),
              ensure_ascii=False, indent=1)
    shutil.copy(os.path.join(fixtures, "RULES.md"), os.path.join(out_dir, "RULES.md"))
    print(f"{len(blocks)} candidates in {out_dir}")

def compare(set_path, second_path, out_dir):
    first = {key(b): b for b in load(set_path)}
    second = {key(b): b for b in load(second_path)}
    both = [k for k in first if k in second]
    missing = len(first) - len(both)
    rng = random.Random(7)
    agree = {"kind": 0, "script": 0, "runnable": 0, "all": 0}
    disputes = []
    for k in both:
        a, b = label(first[k]), label(second[k])
        agree["kind"] += a[0] == b[0]
        agree["script"] += a[1] == b[1]
        agree["runnable"] += a[2] == b[2]
        if a == b:
            agree["all"] += 1
            continue
        pair = [first[k], second[k]]
        rng.shuffle(pair)
        disputes.append({"corpus": k[0], "source": k[1], "index": k[2], "line": first[k]["line"],
                         "info": first[k]["info"],
                         "code": block_text(k[0], k[1], first[k]["line"]),
                         "A": {f: pair[0].get(f) for f in ("kind", "script", "runnable", "why")},
                         "B": {f: pair[1].get(f) for f in ("kind", "script", "runnable", "why")}})
    n = len(both)
    print(f"{os.path.basename(set_path)}: {n} blocks read twice ({missing} missing from the second reading)")
    for f in ("kind", "script", "runnable", "all"):
        print(f"  readers agree on {f:8s} {agree[f]:4d}/{n} = {100 * agree[f] / max(n, 1):.1f} %")
    os.makedirs(out_dir, exist_ok=True)
    json.dump(disputes, open(os.path.join(out_dir, "disputes.json"), "w", encoding="utf-8"),
              ensure_ascii=False, indent=1)
    shutil.copy(os.path.join(fixtures, "RULES.md"), os.path.join(out_dir, "RULES.md"))
    print(f"  {len(disputes)} disputes in {out_dir}/disputes.json")

def merge(set_path, second_path, rulings_path, out_path):
    second = {key(b): b for b in load(second_path)}
    rulings = {key(r): r for r in load(rulings_path)}
    merged, ruled, unsettled = [], 0, 0
    for b in load(set_path):
        k = key(b)
        other = second.get(k)
        if other is None or label(b) == label(other):
            merged.append(b)
            continue
        ruling = rulings.get(k)
        if ruling is None:
            unsettled += 1
            merged.append(b)
            continue
        ruled += 1
        settled = dict(b)
        for f in ("kind", "script", "runnable", "why"):
            settled[f] = ruling.get(f)
        merged.append(settled)
    json.dump(merged, open(out_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"{out_path}: {len(merged)} blocks, {ruled} settled by the third reader, {unsettled} disputes without a ruling")

if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "candidates" and len(sys.argv) == 4:
        candidates(sys.argv[2], sys.argv[3])
    elif command == "compare" and len(sys.argv) == 5:
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "merge" and len(sys.argv) == 6:
        merge(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)
