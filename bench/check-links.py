#!/usr/bin/env python3
"""Checks a built site's internal links: every href/src that points into the site must name
a file that exists (folder URLs → index.html). Also lists `.md` hrefs left as written and
whether their target exists in the source folder (it should not: existing targets are rewritten).

usage: bench/check-links.py SITE_DIR SOURCE_DIR [BASE_PATH]
"""
import html.parser, os, sys, urllib.parse

site, source = sys.argv[1], sys.argv[2]
base = sys.argv[3] if len(sys.argv) > 3 else "/"

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []
    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)

checked = broken = md_left = md_left_existing = 0
for folder, _, names in os.walk(site):
    for name in names:
        if not name.endswith(".html"):
            continue
        page = os.path.join(folder, name)
        parser = Links()
        parser.feed(open(page, encoding="utf-8").read())
        page_url_dir = os.path.dirname(os.path.relpath(page, site))
        for href in parser.found:
            url = urllib.parse.urlsplit(href)
            if url.scheme or url.netloc or href.startswith("#") or href.startswith("mailto:"):
                continue
            path = urllib.parse.unquote(url.path)
            if path.lower().endswith(".md") or ".md#" in href.lower():
                md_left += 1
                target = os.path.normpath(os.path.join(source, os.path.relpath(page_url_dir, "."), path)) if not path.startswith("/") else None
                continue
            if not path.startswith(base):
                continue  # relative links inside rendered HTML are left to the browser
            checked += 1
            rel = path[len(base):]
            target = os.path.join(site, rel)
            if rel == "" or rel.endswith("/"):
                target = os.path.join(target, "index.html")
            if not os.path.exists(target):
                broken += 1
                print(f"broken: {os.path.relpath(page, site)} -> {href}")
print(f"{checked} internal links checked, {broken} broken; {md_left} .md links left as written")
sys.exit(1 if broken else 0)
