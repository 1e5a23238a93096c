#!/usr/bin/env python3
"""Keystroke → diagnostics latency of `haven lsp` on a large site (a figure, not a test).

Starts `haven lsp` on the site (default: the 10,000-page corpus of ../shared/bench/gencorpus.py,
generated into a temporary folder), opens one article, then types: each keystroke is a full-text
didChange (the server asks for full sync), sent after the previous one's diagnostics arrived and a
pause, and timed until the server publishes diagnostics for that version. Every other keystroke
adds a fault (an unknown key), so the diagnostics change. Prints the median and the spread.

With HAVEN_LSP_TIMING=1 in the environment the server logs each check's wall and CPU time on stderr.

Usage: scripts/lsp-latency.py [--haven .build/release/haven] [--site DIR] [--pages 10000] [--keys 40]
"""
import argparse, json, os, select, statistics, subprocess, sys, tempfile, time, glob

parser = argparse.ArgumentParser()
parser.add_argument("--haven", default=".build/release/haven")
parser.add_argument("--site")
parser.add_argument("--pages", type=int, default=10000)
parser.add_argument("--keys", type=int, default=40)
parser.add_argument("--pause", type=float, default=0.25, help="seconds between keystrokes")
parser.add_argument("--debounce-ms", type=int, default=None)
args = parser.parse_args()

site = args.site
if not site:
    site = os.path.join(tempfile.gettempdir(), f"haven-lsp-corpus-{args.pages}")
    if not os.path.exists(os.path.join(site, "haven.yml")):
        here = os.path.dirname(os.path.abspath(__file__))
        generator = os.path.join(here, "..", "..", "shared", "bench", "gencorpus.py")
        if not os.path.exists(generator):
            generator = "/work/shared/bench/gencorpus.py"
        subprocess.run([sys.executable, generator, site, str(args.pages)], check=True, stdout=subprocess.DEVNULL)
site = os.path.abspath(site)

cmd = [os.path.abspath(args.haven), "lsp", "--site", site]
if args.debounce_ms is not None:
    cmd += ["--debounce-ms", str(args.debounce_ms)]
server = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
buffer = b""


def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive(timeout):
    global buffer
    deadline = time.monotonic() + timeout
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end >= 0:
            length = int([h.split(b":")[1] for h in buffer[:end].split(b"\r\n") if h.lower().startswith(b"content-length")][0])
            if len(buffer) >= end + 4 + length:
                body, buffer = buffer[end + 4:end + 4 + length], buffer[end + 4 + length:]
                return json.loads(body)
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([server.stdout], [], [], left)[0]:
            return None
        chunk = os.read(server.stdout.fileno(), 1 << 16)
        if not chunk:
            return None
        buffer += chunk


def wait_diagnostics(uri, version, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = receive(deadline - time.monotonic())
        if message is None:
            return None
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                and message["params"].get("version") == version:
            return message["params"]["diagnostics"]
    return None


send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": "file://" + site, "capabilities": {}}})
while (m := receive(30)) is not None and m.get("id") != 1:
    pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
page = sorted(glob.glob(os.path.join(site, "Content", "articles", "**", "*.md"), recursive=True))[len(glob.glob(os.path.join(site, "Content", "articles", "**", "*.md"), recursive=True)) // 2]
uri = "file://" + page
text = open(page, encoding="utf-8").read()
started = time.monotonic()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
if wait_diagnostics(uri, 1, 300) is None:
    sys.exit("lsp-latency: no diagnostics for the opened page")
print(f"lsp-latency: {site} ({args.pages} pages), first check of the site and the open page: {time.monotonic() - started:.2f} s")

head, _, body = text.partition("\n---\n")
times = []
counts = []
for key in range(args.keys):
    time.sleep(args.pause)
    version = key + 2
    typed = body + "x" * (key + 1)
    new = (head + ("\nreviwer: x" if key % 2 else "") + "\n---\n" + typed) if head.startswith("---") else text + "x" * (key + 1)
    sent = time.monotonic()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]}})
    found = wait_diagnostics(uri, version, 30)
    if found is None:
        sys.exit(f"lsp-latency: no diagnostics for keystroke {key + 1}")
    times.append((time.monotonic() - sent) * 1000)
    counts.append(len(found))

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
receive(10)
send({"jsonrpc": "2.0", "method": "exit", "params": None})
server.wait(10)
times.sort()
print(f"lsp-latency: {len(times)} keystrokes on {os.path.relpath(page, site)} (findings {min(counts)}–{max(counts)}): "
      f"median {statistics.median(times):.0f} ms, p90 {times[int(len(times) * 0.9) - 1]:.0f} ms, "
      f"min {times[0]:.0f} ms, max {times[-1]:.0f} ms (including the {args.debounce_ms if args.debounce_ms is not None else 40} ms debounce)")
