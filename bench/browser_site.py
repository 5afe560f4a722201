"""What the browser scripts share (copy-browser, nav-browser, overflow-browser): a built site
served on 127.0.0.1 from a background thread, and headless Chromium (Debian chromium,
chromium-driver, python3-selenium)."""
import functools, http.server, threading
from selenium import webdriver


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """Serves the folder `site`; returns the server (call .shutdown()) and its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def chromium(*flags):
    """Headless Chromium with `flags` added."""
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", *flags]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options)
