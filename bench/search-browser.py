#!/usr/bin/python3
"""Real-browser search test: types queries into the header search box of a built site, waits for
the results, clicks the first one and checks the browser lands on that section; records latency
(keystroke to results shown), the bytes the search fetched (Resource Timing), and the query words
marked in the first excerpt and on the page landed on.

usage: bench/search-browser.py SITE_DIR QUERY [QUERY ...]     (exit 1 if a check fails)
  more:QUERY  instead checks the count and the "more" button: the status gives every matching page,
              ten are listed, and each click lists up to ten more until all are shown.
Needs Debian chromium, chromium-driver, python3-selenium.
"""
import functools, http.server, statistics, sys, threading, time, urllib.parse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

site, queries = sys.argv[1], sys.argv[2:]
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"
o = webdriver.ChromeOptions()
for f in ["--headless=new", "--no-sandbox"]: o.add_argument(f)
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
d.set_window_size(1280, 900)
latencies, sizes, engine_ms, all_ms_list, failures = [], [], [], [], 0
def check_more(q):
    """The count says every matching page; the button lists them ten at a time."""
    d.get(base + "/archive/")
    box = d.find_element(By.CSS_SELECTOR, ".site-search input")
    box.click(); box.send_keys(q)
    WebDriverWait(d, 10, poll_frequency=0.01).until(
        lambda drv: drv.find_element(By.CSS_SELECTOR, ".search-popup .search-status").text.strip())
    status = d.find_element(By.CSS_SELECTOR, ".search-popup .search-status").text
    total = int("".join(ch for ch in status if ch.isdigit()) or 0)
    # The first five show first, the next five right after (data-ms-all once all are in).
    WebDriverWait(d, 10, poll_frequency=0.01).until(
        lambda drv: drv.find_element(By.CSS_SELECTOR, ".search-popup .search-status").get_attribute("data-ms-all"))
    shown = [len(d.find_elements(By.CSS_SELECTOR, ".search-popup .search-link"))]
    while d.find_elements(By.CSS_SELECTOR, ".search-popup .search-more-results button"):
        d.find_element(By.CSS_SELECTOR, ".search-popup .search-more-results button").click()
        WebDriverWait(d, 10).until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, ".search-popup .search-link")) > shown[-1])
        shown.append(len(d.find_elements(By.CSS_SELECTOR, ".search-popup .search-link")))
    urls = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".search-popup .search-link")]
    ok = shown[0] == min(10, total) and shown[-1] == total and len(set(urls)) == total
    print(f"{'ok  ' if ok else 'FAIL'} more {q!r}: status {status!r}, listed {' → '.join(map(str, shown))}")
    return ok

for q in queries:
    if q.startswith("more:"):
        if not check_more(q[5:]): failures += 1
        continue
    d.get(base + "/archive/")  # a fresh page: nothing of the index cached in memory
    d.execute_script("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(10000);")
    box = d.find_element(By.CSS_SELECTOR, ".site-search input")
    box.click()
    start = time.time()
    box.send_keys(q)
    try:
        WebDriverWait(d, 10, poll_frequency=0.01).until(
            lambda drv: drv.find_element(By.CSS_SELECTOR, ".search-popup .search-status").text.strip())
    except Exception:
        print(f"FAIL {q!r}: no results shown"); failures += 1; continue
    latency = (time.time() - start) * 1000
    in_page = int(d.find_element(By.CSS_SELECTOR, ".search-popup .search-status").get_attribute("data-ms") or 0)
    WebDriverWait(d, 10, poll_frequency=0.01).until(
        lambda drv: drv.find_element(By.CSS_SELECTOR, ".search-popup .search-status").get_attribute("data-ms-all"))
    all_ms = int(d.find_element(By.CSS_SELECTOR, ".search-popup .search-status").get_attribute("data-ms-all") or 0)
    fetched = d.execute_script("""return performance.getEntriesByType('resource')
        .filter(e => e.name.includes('/search/')).map(e => [e.name, e.transferSize || e.encodedBodySize]);""")
    total = sum(size for _, size in fetched)
    links = d.find_elements(By.CSS_SELECTOR, ".search-popup .search-link")
    if not links:
        print(f"none {q!r}: {latency:.0f} ms, {total} bytes in {len(fetched)} files, no results"); continue
    href = links[0].get_attribute("href")
    excerpt_marks = len(d.find_elements(By.CSS_SELECTOR, ".search-popup .search-result:first-child .search-excerpt mark"))
    links[0].click()
    WebDriverWait(d, 10).until(lambda drv: drv.current_url.split("#")[0] == href.split("#")[0])
    fragment = urllib.parse.unquote(urllib.parse.urlsplit(href).fragment)
    ok = True
    if fragment:
        ok = d.execute_script("const el = document.getElementById(arguments[0]); return !!el && el.getBoundingClientRect().top < 200;", fragment)
    # The landing page marks the query's words (?h=): how many, and whether one is in view.
    landing_marks = d.execute_script("""const m = document.querySelectorAll('mark.search-hit');
        return [m.length, Array.from(m).some(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })];""")
    latencies.append(latency); sizes.append(total); engine_ms.append(in_page); all_ms_list.append(all_ms)
    print(f"{'ok  ' if ok else 'FAIL'} {q!r}: {latency:.0f} ms typed→shown ({in_page} ms search to the first results, {all_ms} ms to all ten), "
          f"{total} bytes in {len(fetched)} files → "
          f"{urllib.parse.unquote(href[len(base):])} · {excerpt_marks} marked in the excerpt, {landing_marks[0]} on the page"
          f"{' (one in view)' if landing_marks[1] else ''}")
    if not ok: failures += 1
d.quit(); server.shutdown()
if latencies:
    print(f"median latency {statistics.median(latencies):.0f} ms typed→shown (incl. 120 ms debounce and typing), "
          f"median search {statistics.median(engine_ms):.0f} ms to the first results, {statistics.median(all_ms_list):.0f} ms to all ten, median bytes {statistics.median(sizes):.0f}, max bytes {max(sizes)}, "
          f"{len(latencies)} queries, {failures} failures")
sys.exit(1 if failures else 0)
