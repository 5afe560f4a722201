#!/usr/bin/python3
"""Loads every page of a built site in headless Chromium at a phone's width and prints, as JSON,
the pages that scroll sideways (the document wider than the window) with the widest element.

usage: bench/overflow-browser.py SITE_DIR [WIDTH]    (default 390; Debian chromium, chromium-driver, python3-selenium)
"""
import json, os, sys
from browser_site import chromium, serve

site = sys.argv[1]
width = int(sys.argv[2]) if len(sys.argv) > 2 else 390
server, base = serve(site)
driver = chromium("--blink-settings=imagesEnabled=false")
WIDEST = """
var limit = document.documentElement.clientWidth, worst = null, widest = 0;
if (document.documentElement.scrollWidth <= limit + 1) return null;
document.querySelectorAll('body *').forEach(function (el) {
  var r = el.getBoundingClientRect();
  if (r.right > limit + 1 && r.right > widest && getComputedStyle(el).position !== 'fixed') {
    // inside a scrolling box (a code block, a table) is fine: only what makes the page scroll counts
    for (var p = el.parentElement; p; p = p.parentElement) {
      var o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return;
    }
    widest = r.right; worst = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ': ' + (el.textContent || '').slice(0, 60);
  }
});
return [document.documentElement.scrollWidth, worst];
"""
try:
    driver.set_window_size(width, 844)
    pages = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs
                   if f == "index.html" and "/.opsdocs" not in "/" + os.path.relpath(d, site))
    wide = []
    for page in pages:
        path = "/" + page[: -len("index.html")]
        driver.get(base + path)
        found = driver.execute_script(WIDEST)
        if found: wide.append({"page": path, "scrollWidth": found[0], "widest": found[1]})
    print(json.dumps({"pages": len(pages), "width": width, "wide": wide}, ensure_ascii=False))
finally:
    driver.quit()
    server.shutdown()
