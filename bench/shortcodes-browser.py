#!/usr/bin/python3
"""Opens pages of a built site in headless Chromium and prints, as JSON per page, what a reader
sees of the notes' Hugo shortcodes: whether the visible text still shows `{{<`, `{{%` or
`{width=`, each callout's title and whether it is drawn as a box (a left border), the links of
a section-toc list, and the elements of the page's content whose tag the theme's shortcode
templates write (given as TAG, e.g. kbd).

usage: bench/shortcodes-browser.py SITE_DIR TAG PATH [PATH …]   (Debian chromium, chromium-driver, python3-selenium)
"""
import json, sys
from browser_site import chromium, serve

site, tag, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
server, base = serve(site)
driver = chromium()
SEEN = """
var content = document.querySelector('.content') || document.body;
var text = content.innerText;
return {
  raw: ['{{<', '{{%', '{width=', '{height='].filter(function (s) { return text.indexOf(s) >= 0; }),
  callouts: Array.from(content.querySelectorAll('.alert')).map(function (a) {
    var title = a.querySelector('.alert-title');
    return { title: title ? title.innerText : null,
             boxed: parseFloat(getComputedStyle(a).borderLeftWidth) > 0 && a.getBoundingClientRect().height > 0 };
  }),
  sectionTOC: Array.from(content.querySelectorAll('ul.section-toc a')).map(function (a) { return a.innerText; }),
  themeElements: Array.from(content.querySelectorAll(arguments[0])).map(function (e) { return e.innerText; })
};
"""
try:
    driver.set_window_size(1280, 900)
    out = {}
    for path in paths:
        driver.get(base + path)
        out[path] = driver.execute_script(SEEN, tag)
    print(json.dumps(out, ensure_ascii=False))
finally:
    driver.quit()
    server.shutdown()
