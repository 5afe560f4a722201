#!/usr/bin/python3
"""success@1, MRR@10, recall@5, recall@10 and nDCG@10 of opsdocs search and Pagefind on judged query
sets, same site, same run.

usage: bench/search-eval.py SITE_DIR [QUERIES_JSON ...]
  SITE_DIR      a site built by `opsdocs build` (its search/ folder is used as is)
  QUERIES_JSON  default bench/search-queries.json: [{"query", "relevant": [page paths, best first]}]
                Several files (bench/search-queries-tuning.json bench/search-queries-heldout.json,
                written and judged by two helpers from bench/search-judging.md) are scored in one run.
Pagefind (PyPI `pagefind[extended]`) indexes a copy of SITE_DIR's HTML; its results come from its
own JavaScript in headless Chromium (Debian chromium, chromium-driver, python3-selenium).
opsdocs' results come from `opsdocs search --json` (the same ranking as the browser; a test
asserts the JavaScript and Swift results agree).
"""
import functools, math, http.server, json, os, shutil, subprocess, sys, tempfile, threading, time, urllib.parse

here = os.path.dirname(os.path.abspath(__file__))
site = os.path.abspath(sys.argv[1])
query_files = sys.argv[2:] or [os.path.join(here, "search-queries.json")]
query_sets = [(os.path.basename(f), json.load(open(f, encoding="utf-8"))) for f in query_files]
opsdocs = os.path.join(here, "..", ".build", "release", "opsdocs")

def page_of(url):
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
    if path.endswith("index.html"): path = path[: -len("index.html")]
    return path if path.endswith("/") or not path else path + "/"

def metrics(ranked_pages, relevant):
    """success@1, reciprocal rank, recall@5, recall@10, nDCG@10 (graded: the first-listed page gains 2, others 1)."""
    relevant = [r if r.endswith("/") else r + "/" for r in relevant]
    top = []
    for p in ranked_pages:
        if p not in top: top.append(p)
    top = top[:10]
    gain = {p: (2 if i == 0 else 1) for i, p in enumerate(relevant)}
    rr = next((1 / (i + 1) for i, p in enumerate(top) if p in gain), 0.0)
    dcg = sum(gain.get(p, 0) / math.log2(i + 2) for i, p in enumerate(top))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(gain.values(), reverse=True)[:10]))
    return {"success@1": 1.0 if top and top[0] in gain else 0.0, "MRR@10": rr,
            "recall@5": len(set(relevant) & set(top[:5])) / len(relevant),
            "recall@10": len(set(relevant) & set(top)) / len(relevant), "nDCG@10": dcg / ideal if ideal else 0.0}

def opsdocs_results(q):
    out = subprocess.run([opsdocs, "search", "--site", site, "--json", "--limit", "10", "--", q] if q.startswith("-")
                         else [opsdocs, "search", "--site", site, "--json", "--limit", "10", q],
                         capture_output=True, text=True, check=True).stdout
    return [page_of("/" + r["url"].split("#")[0]) for r in json.loads(out)]

# Pagefind over a copy of the HTML (so opsdocs' own files stay untouched).
work = tempfile.mkdtemp(prefix="opsdocs-pagefind-")
copy = os.path.join(work, "site")
shutil.copytree(site, copy)
start = time.time()
subprocess.run([sys.executable if False else "python3", "-m", "pagefind", "--site", copy, "--quiet"], check=True)
pagefind_index_seconds = time.time() - start

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=copy))
threading.Thread(target=server.serve_forever, daemon=True).start()
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
o = webdriver.ChromeOptions()
for f in ["--headless=new", "--no-sandbox"]: o.add_argument(f)
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
d.set_script_timeout(60)
d.get(f"http://127.0.0.1:{server.server_address[1]}/404.html")
d.execute_async_script("const done = arguments[0]; import('/pagefind/pagefind.js').then(async pf => { await pf.init(); window.pf = pf; done(true); });")

def pagefind_results(q):
    urls = d.execute_async_script("""
        const [q, done] = arguments;
        window.pf.search(q).then(r => Promise.all(r.results.slice(0, 10).map(x => x.data()))).then(ds => done(ds.map(x => x.url)));
    """, q)
    return [page_of(u) for u in urls]

names = ["success@1", "MRR@10", "recall@5", "recall@10", "nDCG@10"]
for set_name, queries in query_sets:
    totals = {"opsdocs": dict.fromkeys(names, 0.0), "pagefind": dict.fromkeys(names, 0.0)}
    rows = []
    for item in queries:
        q, rel = item["query"], item["relevant"]
        ours, theirs = metrics(opsdocs_results(q), rel), metrics(pagefind_results(q), rel)
        for k in names:
            totals["opsdocs"][k] += ours[k]
            totals["pagefind"][k] += theirs[k]
        rows.append((q, ours, theirs))
    n = len(queries)
    if os.environ.get("SHOW_QUERIES"):
        print(f"{'query':34} {'opsdocs RR':>10} {'R@10':>5} {'pagefind RR':>11} {'R@10':>5}")
        for q, ours, theirs in rows:
            print(f"{q[:34]:34} {ours['MRR@10']:10.2f} {ours['recall@10']:5.2f} {theirs['MRR@10']:11.2f} {theirs['recall@10']:5.2f}")
    print(f"\n{set_name}: {n} queries over {site}")
    for name, t in totals.items():
        print(f"  {name:9} " + "  ".join(f"{k} {t[k] / n:.3f}" for k in names))
d.quit(); server.shutdown(); shutil.rmtree(work)
print(f"pagefind indexing took {pagefind_index_seconds:.2f} s")
