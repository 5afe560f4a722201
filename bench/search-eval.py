#!/usr/bin/python3
"""Recall@10 and MRR@10 of opsdocs search and Pagefind on a judged query set, same site, same run.

usage: bench/search-eval.py SITE_DIR [QUERIES_JSON]
  SITE_DIR      a site built by `opsdocs build` (its search/ folder is used as is)
  QUERIES_JSON  default bench/search-queries.json: [{"query", "relevant": [page paths]}]
Pagefind (PyPI `pagefind[extended]`) indexes a copy of SITE_DIR's HTML; its results come from its
own JavaScript in headless Chromium (Debian chromium, chromium-driver, python3-selenium).
opsdocs' results come from `opsdocs search --json` (the same ranking as the browser; a test
asserts the JavaScript and Swift results agree).
"""
import functools, http.server, json, os, shutil, subprocess, sys, tempfile, threading, time, urllib.parse

here = os.path.dirname(os.path.abspath(__file__))
site = os.path.abspath(sys.argv[1])
queries = json.load(open(sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "search-queries.json")))
opsdocs = os.path.join(here, "..", ".build", "release", "opsdocs")

def page_of(url):
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
    if path.endswith("index.html"): path = path[: -len("index.html")]
    return path if path.endswith("/") or not path else path + "/"

def metrics(ranked_pages, relevant):
    relevant = {r if r.endswith("/") else r + "/" for r in relevant}
    top = []
    for p in ranked_pages:
        if p not in top: top.append(p)
    top = top[:10]
    found = len(relevant & set(top))
    rr = next((1 / (i + 1) for i, p in enumerate(top) if p in relevant), 0.0)
    return found / len(relevant), rr, top

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

rows = []
totals = {"opsdocs": [0, 0], "pagefind": [0, 0]}
for item in queries:
    q, rel = item["query"], item["relevant"]
    r1, rr1, top1 = metrics(opsdocs_results(q), rel)
    r2, rr2, top2 = metrics(pagefind_results(q), rel)
    totals["opsdocs"][0] += r1; totals["opsdocs"][1] += rr1
    totals["pagefind"][0] += r2; totals["pagefind"][1] += rr2
    rows.append((q, r1, rr1, r2, rr2))
d.quit(); server.shutdown(); shutil.rmtree(work)

n = len(queries)
print(f"{'query':34} {'opsdocs R@10':>12} {'RR':>5} {'pagefind R@10':>13} {'RR':>5}")
for q, r1, rr1, r2, rr2 in rows:
    print(f"{q[:34]:34} {r1:12.2f} {rr1:5.2f} {r2:13.2f} {rr2:5.2f}")
print(f"\n{n} queries over {site}")
for name, (r, rr) in totals.items():
    print(f"{name:9} recall@10 {r / n:.3f}  MRR@10 {rr / n:.3f}")
print(f"pagefind indexing took {pagefind_index_seconds:.2f} s")
