#!/usr/bin/python3
"""What a writer sees in Chromium beside the editor, with `opsdocs serve` running.

Opens a note's page, scrolls down, saves an edit and checks the page reloaded by itself with
the new text at the same scroll position; then breaks the note's front matter and checks the
error overlay appears (screenshot) while the page still shows the last good text; then fixes
it and checks the overlay is gone.

usage: bench/serve-browser.py URL_OF_PAGE NOTE_FILE SCREENSHOT.png
       (Debian chromium chromium-driver python3-selenium; run with /usr/bin/python3)
"""
import sys, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options

url, note, shot = sys.argv[1:4]
options = Options()
for flag in ["--headless=new", "--no-sandbox", "--window-size=1280,900"]:
    options.add_argument(flag)
driver = webdriver.Chrome(options=options)
original = open(note, encoding="utf-8").read()
try:
    driver.get(url)
    time.sleep(1)
    driver.execute_script("window.scrollTo(0, 600)")
    time.sleep(0.3)
    marker = f"浏览器里看到的新段落 {int(time.time())}"
    start = time.perf_counter()
    with open(note, "a", encoding="utf-8") as f:
        f.write(f"\n\n{marker}\n")
    deadline = time.time() + 10
    while time.time() < deadline and marker not in driver.page_source:
        time.sleep(0.01)
    seen = time.perf_counter() - start
    print(f"edit visible after reload: {marker in driver.page_source} ({seen * 1000:.0f} ms from the write, polling every 10 ms)")
    time.sleep(0.5)
    print(f"scroll position after reload: {driver.execute_script('return window.scrollY')} (was 600)")

    # A broken front matter: the overlay appears, the old text stays.
    with open(note, "w", encoding="utf-8") as f:
        f.write("---\ntitle: [坏掉的标题\n---\n新正文\n")
    deadline = time.time() + 10
    overlay = None
    while time.time() < deadline and not overlay:
        overlay = driver.execute_script("var o = document.getElementById('opsdocs-build-errors'); return o && o.innerText")
        time.sleep(0.02)
    print("overlay:", (overlay or "none").replace("\n", " | ")[:300])
    print("last good text still shown:", marker in driver.page_source)
    driver.save_screenshot(shot)

    with open(note, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(1.5)
    gone = driver.execute_script("return !document.getElementById('opsdocs-build-errors')")
    print("overlay gone after the fix:", gone)
    logs = [l for l in driver.get_log("browser") if l["level"] == "SEVERE"]
    print("console errors:", len(logs), [l["message"][:120] for l in logs][:3])
finally:
    with open(note, "w", encoding="utf-8") as f:
        f.write(original)
    driver.quit()
