#!/usr/bin/env python3
"""Measures `haven serve`'s edit-to-served latency: the time from saving a Markdown file to the
first HTTP answer that shows the change.

    python3 scripts/serve-latency.py --site DIR [--haven PATH] [--edits 10] [--file Content/articles/x.md]

Starts `haven serve` on DIR (edits one file in place and restores it at the end), changes the
file's `title:` N times, and after each save polls the page every 5 ms over one keep-alive
connection until the new title is served. Prints each latency and the median.
"""
import argparse
import glob
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(conn_box, port, path):
    for _ in range(2):
        try:
            conn = conn_box[0]
            conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
            r = conn.getresponse()
            return r.status, r.read().decode("utf-8", "replace")
        except (http.client.HTTPException, OSError):
            conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    return 0, ""


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--site", required=True)
    p.add_argument("--haven", default=os.path.join(REPO, ".build-serve/release/haven"))
    p.add_argument("--edits", type=int, default=10)
    p.add_argument("--file", help="the Markdown file to edit, relative to the site (default: the first article)")
    p.add_argument("--settle", type=float, default=0.3, help="seconds to wait between edits")
    p.add_argument("--what", choices=["title", "body"], default="title",
                   help="edit the title (shown on other pages too) or add a sentence to the body")
    a = p.parse_args()
    rel = a.file or os.path.relpath(sorted(glob.glob(os.path.join(a.site, "Content/articles/*.md")))[0], a.site)
    url = "/" + os.path.splitext(rel[len("Content/"):])[0] + "/"
    path = os.path.join(a.site, rel)
    original = open(path, encoding="utf-8").read()
    lines = original.split("\n")
    title_index = next(i for i, l in enumerate(lines) if l.startswith("title:"))

    port = free_port()
    # The server's terminal output goes to a file: a large site prints thousands of findings, and a
    # pipe nobody reads would fill up and stall it.
    log = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen([a.haven, "serve", "--site", a.site, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, text=True)
    conn_box = [http.client.HTTPConnection("127.0.0.1", port, timeout=120)]
    try:
        start = time.time()
        while True:
            try:
                status, body = fetch(conn_box, port, url)
            except OSError:
                status = 0
            if status == 200:
                break
            if time.time() - start > 600 or server.poll() is not None:
                sys.exit(f"server not ready (status {status})")
            time.sleep(0.1)
        print(f"first build served after {time.time() - start:.2f} s; editing {rel} → {url}", flush=True)
        latencies = []
        for n in range(a.edits):
            token = f"Latency probe {n} {int(time.time() * 1000)}"
            edited = list(lines)
            if a.what == "title":
                edited[title_index] = f"title: {token}"
            else:
                edited.append(f"\n{token}.\n")
            saved = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(edited))
            while True:
                status, body = fetch(conn_box, port, url)
                if token in body:
                    break
                if time.perf_counter() - saved > 300:
                    sys.exit("timed out waiting for the change")
                time.sleep(0.005)
            ms = (time.perf_counter() - saved) * 1000
            latencies.append(ms)
            print(f"edit {n + 1}: {ms:.0f} ms", flush=True)
            time.sleep(a.settle)
        print(f"median {statistics.median(latencies):.0f} ms, min {min(latencies):.0f} ms, max {max(latencies):.0f} ms "
              f"over {len(latencies)} edits")
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.seek(0)
        out = log.read()
        tail = [l for l in out.splitlines() if l.startswith(("Built", "Rebuilt", "Serving", "Stopped"))]
        print("--- server (last lines) ---\n" + "\n".join(tail[-4:]))


if __name__ == "__main__":
    main()
