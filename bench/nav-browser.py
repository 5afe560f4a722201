#!/usr/bin/python3
"""Opens one page of a built site in headless Chromium at one window width and prints, as JSON,
what the section tree (theme/static/js/nav.js) shows: whether the tree is on screen, whether
the header has the drawer button, the marked current page, the open folders, and whether the
drawer opens on the button and closes on Escape.

usage: bench/nav-browser.py SITE_DIR PATH WIDTH    (Debian chromium, chromium-driver, python3-selenium)
"""
import json, sys, time
from browser_site import chromium, serve
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

site, path, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
server, base = serve(site)
driver = chromium()
ON_SCREEN = """var r = document.getElementById('site-tree').getBoundingClientRect();
               return r.width > 0 && r.right > 10 && r.left > -10;"""
try:
    driver.set_window_size(width, 900)
    driver.get(base + path)
    for _ in range(50):
        if driver.execute_script("return document.body.classList.contains('has-tree')"): break
        time.sleep(0.1)
    time.sleep(0.3)  # (the drawer's slide)
    result = {
        "tree": driver.execute_script(ON_SCREEN),
        "toggle": driver.execute_script("var t = document.querySelector('.tree-toggle'); return !!t && t.offsetParent !== null;"),
        "current": driver.execute_script("var a = document.querySelector('#site-tree [aria-current=page]'); return a && a.textContent;"),
        "open": driver.execute_script("return Array.from(document.querySelectorAll('#site-tree details[open] > summary')).map(function (s) { return s.textContent; });"),
        "links": driver.execute_script("return document.querySelectorAll('#site-tree a').length;"),
    }
    if result["toggle"]:
        driver.find_element(By.CSS_SELECTOR, ".tree-toggle").click()
        time.sleep(0.4)
        result["afterToggle"] = driver.execute_script(ON_SCREEN)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        time.sleep(0.4)
        result["afterEscape"] = driver.execute_script(ON_SCREEN)
    print(json.dumps(result, ensure_ascii=False))
finally:
    driver.quit()
    server.shutdown()
