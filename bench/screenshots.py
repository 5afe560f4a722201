#!/usr/bin/python3
"""Screenshots of a built site in headless Chromium, for looking at the theme.

usage: bench/screenshots.py SITE_DIR OUT_DIR PATH [PATH ...]
Serves SITE_DIR on 127.0.0.1 (a throwaway port), opens each PATH at 1280 px and 390 px wide,
light and dark, saves PNGs to OUT_DIR, and prints console errors and any request that
tried to leave 127.0.0.1. Needs Debian's chromium, chromium-driver, python3-selenium.
"""
import functools, http.server, os, sys, threading
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

site, out, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=site)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

def driver(dark):
    o = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        o.add_argument(flag)
    if dark:
        o.add_argument("--force-dark-mode")
        o.add_argument("--blink-settings=preferredColorScheme=0")
    o.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)

problems = 0
for dark in (False, True):
    d = driver(dark)
    try:
        for width, height in ((1280, 900), (390, 844)):
            d.set_window_size(width, height)
            for i, path in enumerate(paths):
                d.get(base + path)
                name = f"{i:02d}-{'dark' if dark else 'light'}-{width}.png"
                d.save_screenshot(os.path.join(out, name))
                for entry in d.get_log("browser"):
                    if entry["level"] in ("SEVERE", "WARNING"):
                        problems += 1
                        print(f"console {entry['level']}: {path}: {entry['message']}")
                for entry in d.get_log("performance"):
                    msg = entry["message"]
                    if '"Network.requestWillBeSent"' in msg and '"url":"http' in msg and "127.0.0.1" not in msg.split('"url":"')[1][:40]:
                        problems += 1
                        print(f"external request from {path}: {msg[:200]}")
                print(f"{name}: {path} (title: {d.title})")
    finally:
        d.quit()
server.shutdown()
print(f"{problems} console errors or external requests")
