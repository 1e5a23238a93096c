#!/usr/bin/env python3
"""End-to-end test of `haven serve` in a real browser (headless Chromium through Selenium).

Starts `haven serve` on a temporary copy of the example site, opens a page, edits its Markdown and
checks that the page changes by itself; then breaks the page (removes `reviewer:`) and checks the
error overlay appears over the last good page, and disappears once fixed; finally stops the server
with SIGINT and checks it exits cleanly.

Needs Debian's `chromium` and `chromium-driver` and PyPI's `selenium`.

    python3 scripts/e2e-serve.py [--haven PATH] [--screenshots DIR]

Prints one line per check and ends with `N passed, N failed`; exits non-zero on any failure.
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE_MD = "Content/conditions/depression.md"
PAGE_URL = "/conditions/depression/"

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("PASS " if ok else "FAIL ") + name + (f" — {detail}" if detail else ""), flush=True)


def find_haven(explicit):
    candidates = [explicit] if explicit else [os.environ.get("HAVEN")] + [
        os.path.join(REPO, p, "haven") for p in (".build-serve/debug", ".build/debug", ".build-serve/release", ".build/release")
    ]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    sys.exit("haven binary not found: build it (swift build) or pass --haven")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_site(dest):
    for name in ("haven.yml", "Content", "Templates"):
        src = os.path.join(REPO, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name))
        elif os.path.exists(src):
            shutil.copy(src, dest)


def wait_http(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except Exception:
            pass
        time.sleep(0.1)
    return False


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        raise SystemExit(f"{old!r} not found in {path}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(arg)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--haven")
    parser.add_argument("--screenshots", default=None, help="folder to save screenshots in")
    args = parser.parse_args()
    haven = find_haven(args.haven)
    site = tempfile.mkdtemp(prefix="haven-e2e-")
    copy_site(site)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Output to a file, not a pipe: a site with many findings would fill a pipe and stall the server.
    log = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen([haven, "serve", "--site", site, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, text=True)
    driver = None
    try:
        check("server answers", wait_http(base + PAGE_URL), base)
        driver = browser()
        # The page reloads itself while we poll it: an element found a moment ago can be gone
        # (stale) by the time we read it, so the waits retry on that instead of failing.
        wait = WebDriverWait(driver, 15, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
        driver.get(base + PAGE_URL)
        h1 = driver.find_element(By.TAG_NAME, "h1").text
        check("page shows its title", h1 == "Depression", repr(h1))
        driver.execute_script("window.__havenMarker = 'same document'")

        # 1. Edit the title: the heading changes with no manual reload.
        md = os.path.join(site, PAGE_MD)
        new_title = "Depression, edited in a browser test"
        saved = time.time()
        edit(md, "title: Depression\n", f"title: {new_title}\n")
        try:
            wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == new_title)
            check("heading changed by itself after saving", True, f"{(time.time() - saved) * 1000:.0f} ms from save")
        except Exception as error:
            check("heading changed by itself after saving", False, repr(error))
        check("the page reloaded itself (no manual navigation)",
              driver.execute_script("return window.__havenMarker === undefined"))

        # 2. Break the page: the last good page stays, with the error overlay.
        edit(md, "reviewer: ", "# reviewer: ")
        try:
            wait.until(lambda d: d.find_element(By.ID, "haven-overlay").is_displayed())
            # Read everything about the overlay in one snapshot, retried if the page reloads meanwhile.
            shown = wait.until(lambda d: d.execute_script(
                "const o = document.getElementById('haven-overlay');"
                "const h = document.querySelector('h1');"
                "return o && h ? [o.innerText, h.innerText, getComputedStyle(o).position] : null"))
            overlay_text, heading, position = shown
            check("error overlay appears", True)
            check("overlay names file, line and rule",
                  "Content/conditions/depression.md:" in overlay_text and "[missing-reviewer]" in overlay_text,
                  next((line for line in overlay_text.splitlines() if "[missing-reviewer]" in line), overlay_text[:200]))
            check("last good page still shown under it", heading == new_title, repr(heading))
            check("overlay styled from /__haven/overlay.css", position == "fixed", position)
            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                driver.save_screenshot(os.path.join(args.screenshots, "overlay.png"))
        except Exception as error:
            check("error overlay appears", False, repr(error))

        # 3. Fix it: the overlay goes away.
        edit(md, "# reviewer: ", "reviewer: ")
        try:
            wait.until(lambda d: not d.find_elements(By.ID, "haven-overlay"))
            check("overlay cleared after the fix", True)
        except Exception as error:
            check("overlay cleared after the fix", False, repr(error))

        # No Content-Security-Policy violation from the injected script or stylesheet.
        logs = [entry["message"] for entry in driver.get_log("browser")]
        csp = [m for m in logs if "Content Security Policy" in m or "Refused to" in m]
        check("no CSP violations in the console", not csp, "; ".join(csp)[:300])

        # The review desk: the queue, readable by keyboard, no axe violation of serious impact.
        driver.get(base + "/_haven/review/")
        check("review desk shows the queue", driver.find_element(By.TAG_NAME, "h1").text == "Review desk"
              and "Depression" in driver.page_source)
        driver.find_element(By.TAG_NAME, "body").send_keys("\ue004")  # Tab
        first = driver.switch_to.active_element
        check("review desk: first Tab lands on a visible skip link", first.text.startswith("Skip") and first.is_displayed(), first.text)
        try:
            from axe_selenium_python import Axe
            axe = Axe(driver)
            axe.inject()
            serious = [v["id"] for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
            check("review desk: no serious axe violation", not serious, ", ".join(serious))
        except ImportError:
            print("SKIP review desk axe check (axe-selenium-python not installed)")

        # `haven build`-style output was not written.
        check("serve wrote no Public/", not os.path.exists(os.path.join(site, "Public")))
    finally:
        if driver:
            driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=10)
            check("SIGINT stops the server cleanly", code == 0, f"exit {code}")
        except subprocess.TimeoutExpired:
            server.kill()
            check("SIGINT stops the server cleanly", False, "still running after 10 s")
        log.seek(0)
        output = log.read()
        print("--- haven serve output ---\n" + output.strip())
        shutil.rmtree(site, ignore_errors=True)

    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
