#!/usr/bin/python3
"""Clicks every copy button of the console blocks on one page in headless Chromium and
prints, as JSON, the text each click handed to the clipboard (navigator.clipboard.writeText
is recorded, since a headless browser has no system clipboard to read back).

usage: bench/copy-browser.py SITE_DIR PATH [--all] [--no-clipboard | --nothing-copies]
       (Debian chromium, chromium-driver, python3-selenium)
With --all, every code block's button is clicked, in page order. --no-clipboard removes the
Clipboard API (as on plain HTTP over a LAN address) and records what execCommand("copy")
copied; --nothing-copies makes execCommand fail too, and prints what ended up selected.
"""
import json, sys
from browser_site import chromium, serve
from selenium.webdriver.common.by import By

site, path = sys.argv[1], sys.argv[2]
every = "--all" in sys.argv[3:]
no_clipboard = "--no-clipboard" in sys.argv[3:] or "--nothing-copies" in sys.argv[3:]
nothing_copies = "--nothing-copies" in sys.argv[3:]
server, base = serve(site)
driver = chromium()
try:
    driver.get(base + path)
    if no_clipboard:
        driver.execute_script("""
            window.__copied = []; window.__selected = [];
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
            document.execCommand = function (command) {
                if (command !== 'copy') return false;
                var area = document.body.lastElementChild;
                if (arguments.length && %s) return false;
                window.__copied.push(area && area.tagName === 'TEXTAREA' ? area.value.slice(area.selectionStart, area.selectionEnd) : null);
                return true;
            };""" % ("true" if nothing_copies else "false"))
    else:
        driver.execute_script("""
            window.__copied = [];
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
                writeText: function (t) { window.__copied.push(t); return Promise.resolve(); } } });""")
    selector = '.code-block .copy-button' if every else '.code-block[data-lang="console"] .copy-button'
    buttons = driver.find_elements(By.CSS_SELECTOR, selector)
    for button in buttons:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
    labels = [b.text for b in buttons]
    selected = driver.execute_script("return getSelection().toString()")
    print(json.dumps({"copied": driver.execute_script("return window.__copied"), "labels": labels, "selected": selected},
                     ensure_ascii=False))
finally:
    driver.quit()
    server.shutdown()
