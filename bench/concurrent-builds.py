#!/usr/bin/env python3
"""Overlapping builds into one output folder: the result is always one whole site.

usage: bench/concurrent-builds.py [PAIRS] [CORPUS]      default: 20 pairs, ../shared/corpus

Two versions of the notes (the corpus, and the corpus with one note changed) are built once
each into reference folders. Then, PAIRS times, two builds of different versions start 0.3 s
apart into the same output folder (the first of the version the folder does not hold, so it
has work to do and the second overlaps it) while a reader checks every 20 ms that the folder is there
with its home page. After each pair the output must equal one reference byte for byte (the
build state in .opsdocs/ aside), and nothing may be left beside it.
"""
import filecmp, os, shutil, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.abspath(__file__))
opsdocs = os.environ.get("OPSDOCS", os.path.join(here, "..", ".build", "release", "opsdocs"))
pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "corpus")
work = tempfile.mkdtemp(prefix="opsdocs-concurrent-")
versions = {}
for name in ("old", "new"):
    src = os.path.join(work, name)
    shutil.copytree(corpus, src)
    if name == "new":
        with open(os.path.join(src, "README.md"), "a", encoding="utf-8") as f:
            f.write("\n\n## 新增的一节\n\n并发构建的标记 marker-new。\n")
    versions[name] = src

def build(source, output, quiet=True):
    return subprocess.run([opsdocs, "build", "--quiet", "--source", source, "--output", output],
                          capture_output=True, text=True, cwd=work)

def tree(folder):
    out = {}
    for d, _, files in os.walk(folder):
        for f in files:
            rel = os.path.relpath(os.path.join(d, f), folder)
            if rel.startswith(".opsdocs" + os.sep):
                continue
            out[rel] = os.path.join(d, f)
    return out

def same(a, b):
    ta, tb = tree(a), tree(b)
    return ta.keys() == tb.keys() and all(filecmp.cmp(ta[k], tb[k], shallow=False) for k in ta)

refs = {}
for name, src in versions.items():
    refs[name] = os.path.join(work, "ref-" + name)
    r = build(src, refs[name])
    assert os.path.exists(os.path.join(refs[name], "index.html")), r.stderr
out = os.path.join(work, "site")
build(versions["old"], out)

results = {"old": 0, "new": 0, "broken": 0}
missing_seen, leftovers, waits, statuses = 0, 0, 0, []
current = "old"
for i in range(pairs):
    # The first build always has work to do (its version is not the one in the folder), so the
    # second, 0.3 s later, overlaps it.
    first, second = ("new", "old") if current == "old" else ("old", "new")
    stop = threading.Event()
    gaps = []
    def reader():
        while not stop.is_set():
            if not os.path.exists(os.path.join(out, "index.html")):
                gaps.append(time.time())
            time.sleep(0.02)
    t = threading.Thread(target=reader); t.start()
    p1 = subprocess.Popen([opsdocs, "build", "--quiet", "--source", versions[first], "--output", out],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=work)
    time.sleep(0.3)
    p2 = subprocess.Popen([opsdocs, "build", "--quiet", "--source", versions[second], "--output", out],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=work)
    e1, e2 = p1.communicate()[1], p2.communicate()[1]
    stop.set(); t.join()
    statuses.append((p1.returncode, p2.returncode))
    waits += ("waiting for another build" in e1) + ("waiting for another build" in e2)
    missing_seen += len(gaps)
    outcome = "old" if same(out, refs["old"]) else "new" if same(out, refs["new"]) else "broken"
    results[outcome] += 1
    current = outcome if outcome != "broken" else current
    beside = [n for n in os.listdir(work) if n.startswith(".site.")]
    leftovers += len(beside)
    print(f"pair {i + 1:2}: {first} then {second}: exit {p1.returncode}/{p2.returncode}, result {outcome}"
          + (f", folder missing {len(gaps)}×" if gaps else "") + (f", left beside: {beside}" if beside else ""))

print(f"\n{pairs} pairs of overlapping builds of {corpus}: {results['old']} ended as the old site, "
      f"{results['new']} as the new one, {results['broken']} broken; all exits 0: {all(s == (0, 0) for s in statuses)}; "
      f"second build waited: {waits}/{pairs}; output folder missing at a poll: {missing_seen}; files left beside it: {leftovers}")
shutil.rmtree(work)
sys.exit(0 if results["broken"] == 0 and missing_seen == 0 and leftovers == 0 else 1)
