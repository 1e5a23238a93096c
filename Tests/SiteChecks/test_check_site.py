#!/usr/bin/env python3
"""Tests of scripts/check-site.py: it passes a small valid site and catches each kind of fault.

Run: python3 -m unittest discover -s Tests/SiteChecks -v
The static checks need nothing but Python; the browser test runs when Chromium, chromedriver
and selenium are installed, and is skipped otherwise.
"""
import importlib.util
import io
import os
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("check_site", os.path.join(HERE, "..", "..", "scripts", "check-site.py"))
cs = importlib.util.module_from_spec(spec)
sys.modules["check_site"] = cs
spec.loader.exec_module(cs)

BASE = "https://example.org/guide/"

LAYOUT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>{title}</title>
<link rel="canonical" href="https://example.org/guide/{path}">
<link rel="stylesheet" href="{up}assets/site.css">
<link rel="stylesheet" href="{up}assets/print.css" media="print">
{head}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<a href="{up}index.html">Guide</a>
<nav aria-label="Main"><ul><li><a href="{up}conditions/index.html">Conditions</a></li></ul></nav>
<a class="help-now" href="{up}get-help/index.html">Get help now</a>
</header>
<main id="main">
{main}
</main>
<footer><p><a href="{up}get-help/index.html">Get help now</a></p></footer>
</body>
</html>
"""

CLINICAL = """<article>
<h1>Panic disorder</h1>
<div class="byline"><p>Reviewed <time datetime="2026-01-02">January 2, 2026</time></p></div>
<aside class="crisis-notice" aria-labelledby="n"><h2 id="n">This page talks about suicide</h2>
<ul><li><a href="tel:988">Call 988</a></li></ul></aside>
<div class="body">
<h2 id="what">What it is</h2>
<p>See <a href="#what">above</a> and <a href="../../get-help/index.html">help</a>.</p>
</div>
<p class="disclaimer">Not advice.</p>
</article>"""

JSONLD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalWebPage","name":"Panic"}</script>'


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def make_site(root):
    # Links relative to the page and naming index.html; the 404 page's root-relative (shown at any depth).
    write(root, "index.html", LAYOUT.format(up="", title="Guide", path="", head="", main="<h1>Guide</h1><p><a href=\"conditions/panic/index.html\">Panic</a></p>"))
    write(root, "conditions/index.html", LAYOUT.format(up="../", title="Conditions", path="conditions/", head="",
                                                        main="<h1>Conditions</h1><ul><li><a href=\"panic/index.html\">Panic</a></li></ul>"))
    write(root, "conditions/panic/index.html", LAYOUT.format(up="../../", title="Panic", path="conditions/panic/", head=JSONLD, main=CLINICAL))
    write(root, "get-help/index.html", LAYOUT.format(up="../", title="Help", path="get-help/", head="", main="<h1>Get help now</h1><p><a href=\"tel:988\">988</a></p>"))
    write(root, "404.html", LAYOUT.format(up="/guide/", title="Not found", path="404.html", head="", main="<h1>Not found</h1>"))
    write(root, "assets/site.css", "body { color: #000; }\n")
    write(root, "assets/print.css", "nav { display: none; }\n")
    write(root, "sitemap.xml", """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/guide/</loc><lastmod>2026-01-02</lastmod></url>
  <url><loc>https://example.org/guide/conditions/</loc><lastmod>2026-01-02</lastmod></url>
  <url><loc>https://example.org/guide/conditions/panic/</loc><lastmod>2026-01-02</lastmod></url>
  <url><loc>https://example.org/guide/get-help/</loc><lastmod>2026-01-02</lastmod></url>
</urlset>
""")
    write(root, "feed.xml", """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Guide</title>
  <id>https://example.org/guide/</id>
  <link rel="self" href="https://example.org/guide/feed.xml"/>
  <updated>2026-01-02T00:00:00Z</updated>
  <author><name>Guide</name></author>
  <entry>
    <title>Panic</title>
    <id>https://example.org/guide/conditions/panic/</id>
    <link rel="alternate" type="text/html" href="https://example.org/guide/conditions/panic/"/>
    <updated>2026-01-02T00:00:00Z</updated>
  </entry>
</feed>
""")


STATIC = ["structure", "links", "third-party", "sitemap", "feed", "portable", "quick-exit"]
STATIC_FUNCTIONS = {"quick-exit": "check_quick_exit_static"}


class CheckSiteTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="check-site-")
        make_site(self.dir)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run_static(self):
        site = cs.Site(self.dir, BASE)
        report = cs.Report()
        for name in STATIC:
            getattr(cs, STATIC_FUNCTIONS.get(name, "check_" + name.replace("-", "_")))(site, report)
        return report

    def edit(self, rel, old, new):
        path = os.path.join(self.dir, rel)
        text = cs.read_text(path)
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def assertFails(self, check, fragment):
        report = self.run_static()
        messages = report.errors[check]
        self.assertTrue(any(fragment in m for m in messages), f"{check}: no error containing {fragment!r} in {messages}")

    def test_valid_site_passes(self):
        report = self.run_static()
        for name in STATIC:
            self.assertEqual(report.errors[name], [], name)

    def test_base_url_inferred_from_canonical(self):
        self.assertEqual(cs.infer_base_url(self.dir), BASE)

    def test_broken_link(self):
        self.edit("index.html", 'href="conditions/panic/index.html"', 'href="conditions/missing/index.html"')
        self.assertFails("links", "conditions/missing/index.html: no such file")

    def test_missing_fragment(self):
        self.edit("conditions/panic/index.html", 'href="#what"', 'href="#nowhere"')
        self.assertFails("links", 'no id="nowhere"')

    def test_link_outside_base_path(self):
        self.edit("index.html", 'href="conditions/panic/index.html"', 'href="/conditions/panic/"')
        self.assertFails("links", "outside the base path")

    def test_root_relative_reference(self):
        self.edit("conditions/panic/index.html", 'href="../../assets/site.css"', 'href="/guide/assets/site.css"')
        self.assertFails("portable", "conditions/panic/index.html:9: <link href=\"/guide/assets/site.css\">: root-relative")

    def test_root_relative_srcset_and_css(self):
        self.edit("index.html", "<h1>Guide</h1>", '<h1>Guide</h1><img src="a.png" srcset="a.png 1x, /guide/b.png 2x" alt="">')
        self.assertFails("portable", 'srcset="/guide/b.png">: root-relative')
        write(self.dir, "assets/site.css", "body { background: url(/guide/assets/x.png); }\n")
        self.assertFails("portable", "assets/site.css:1: url(/guide/assets/x.png) is root-relative")

    def test_folder_link_does_not_open_from_disk(self):
        self.edit("index.html", 'href="conditions/panic/index.html"', 'href="conditions/panic/"')
        self.assertFails("portable", "a folder link")
        site = cs.Site(self.dir, BASE)
        report = cs.Report()
        cs.check_portable(site, report, pretty_urls=True)
        self.assertEqual(report.errors["portable"], [], "pretty_urls allows folder links")

    def test_relative_link_on_404(self):
        self.edit("404.html", 'href="/guide/get-help/index.html">Get help now</a>\n</header>',
                  'href="get-help/index.html">Get help now</a>\n</header>')
        self.assertFails("portable", "404.html:")

    def test_quick_exit_button_must_be_a_link(self):
        self.edit("conditions/panic/index.html", "<body>",
                  '<body><button data-quick-exit>Exit this page</button><script src="../../assets/quick-exit.js" defer></script>')
        self.assertFails("quick-exit", "must be a link")

    def test_quick_exit_preconnect(self):
        self.edit("conditions/panic/index.html", "</head>",
                  '<link rel="preconnect" href="https://www.google.com"></head>')
        self.edit("conditions/panic/index.html", "<body>",
                  '<body><a href="https://www.google.com/" data-quick-exit>Exit this page</a><script src="../../assets/quick-exit.js" defer></script>')
        self.assertFails("quick-exit", "asks www.google.com for something")

    def test_third_party_script(self):
        self.edit("index.html", "</head>", '<script src="https://cdn.example.com/x.js"></script></head>')
        self.assertFails("third-party", "cdn.example.com")

    def test_third_party_link_is_fine(self):
        self.edit("index.html", "<h1>Guide</h1>", '<h1>Guide</h1><p><a href="https://nimh.nih.gov/">NIMH</a></p>')
        self.assertEqual(self.run_static().errors["third-party"], [])

    def test_two_h1(self):
        self.edit("index.html", "<h1>Guide</h1>", "<h1>Guide</h1><h1>Again</h1>")
        self.assertFails("structure", "2 <h1> elements")

    def test_skipped_heading_level(self):
        self.edit("conditions/panic/index.html", '<h2 id="what">What it is</h2>', '<h4 id="what">What it is</h4>')
        self.assertFails("structure", "heading level skipped")

    def test_no_lang(self):
        self.edit("index.html", '<html lang="en">', "<html>")
        self.assertFails("structure", "no lang")

    def test_no_skip_link(self):
        self.edit("index.html", '<a class="skip-link" href="#main">Skip to main content</a>', "")
        self.assertFails("structure", "skip link")

    def test_help_link_missing_from_header(self):
        self.edit("conditions/index.html", '<a class="help-now" href="../get-help/index.html">Get help now</a>', "")
        self.assertFails("structure", "Get help now")

    def test_help_link_moves(self):
        self.edit("conditions/index.html", '<a href="../index.html">Guide</a>', "")
        self.assertFails("structure", "same place")

    def test_crisis_notice_as_alert(self):
        self.edit("conditions/panic/index.html", '<aside class="crisis-notice"', '<aside role="alert" class="crisis-notice"')
        self.assertFails("structure", "calm landmark")

    def test_crisis_notice_collapsed(self):
        self.edit("conditions/panic/index.html", '<aside class="crisis-notice"', '<details><summary>Help</summary><aside class="crisis-notice"')
        self.edit("conditions/panic/index.html", "</aside>", "</aside></details>")
        self.assertFails("structure", "collapsed")

    def test_crisis_notice_after_body(self):
        path = "conditions/panic/index.html"
        text = cs.read_text(os.path.join(self.dir, path))
        start, end = text.index("<aside"), text.index("</aside>") + len("</aside>")
        aside = text[start:end]
        text = text[:start] + text[end:]
        text = text.replace('<p class="disclaimer">', aside + '<p class="disclaimer">')
        write(self.dir, path, text)
        self.assertFails("structure", "after the article body")

    def test_crisis_notice_not_aside(self):
        self.edit("conditions/panic/index.html", '<aside class="crisis-notice" aria-labelledby="n">', '<div class="crisis-notice">')
        self.edit("conditions/panic/index.html", "</aside>", "</div>")
        self.assertFails("structure", "not an <aside>")

    def test_clinical_without_disclaimer(self):
        self.edit("conditions/panic/index.html", '<p class="disclaimer">Not advice.</p>', "")
        self.assertFails("structure", "disclaimer")

    def test_inline_style_and_script(self):
        self.edit("index.html", "<h1>Guide</h1>", '<h1 style="color:red">Guide</h1><script>alert(1)</script>')
        report = self.run_static()
        self.assertTrue(any("inline style" in m for m in report.errors["structure"]))
        self.assertTrue(any("inline <script>" in m for m in report.errors["structure"]))

    def test_jsonld_closing_script(self):
        self.edit("conditions/panic/index.html", '"name":"Panic"', '"name":"Panic</b>"')
        self.assertFails("structure", "'</'")

    def test_sitemap_relative_loc(self):
        self.edit("sitemap.xml", "<loc>https://example.org/guide/get-help/</loc>", "<loc>/guide/get-help/</loc>")
        self.assertFails("sitemap", "not an absolute")

    def test_sitemap_bad_lastmod(self):
        self.edit("sitemap.xml", "<lastmod>2026-01-02</lastmod>", "<lastmod>02/01/2026</lastmod>")
        self.assertFails("sitemap", "W3C datetime")

    def test_sitemap_wrong_namespace(self):
        self.edit("sitemap.xml", "http://www.sitemaps.org/schemas/sitemap/0.9", "http://example.com/sitemap")
        self.assertFails("sitemap", "root is")

    def test_sitemap_loc_missing_file(self):
        self.edit("sitemap.xml", "guide/get-help/</loc>", "guide/gone/</loc>")
        self.assertFails("sitemap", "no gone/index.html")

    def test_feed_missing_updated(self):
        self.edit("feed.xml", "  <updated>2026-01-02T00:00:00Z</updated>\n  <author>", "  <author>")
        self.assertFails("feed", "feed: no <updated>")

    def test_feed_bad_date(self):
        self.edit("feed.xml", "<updated>2026-01-02T00:00:00Z</updated>\n  </entry>", "<updated>2026-01-02</updated>\n  </entry>")
        self.assertFails("feed", "RFC 3339")

    def test_feed_without_author(self):
        self.edit("feed.xml", "  <author><name>Guide</name></author>\n", "")
        self.assertFails("feed", "no <author>")

    def test_feed_entry_without_link(self):
        self.edit("feed.xml", '    <link rel="alternate" type="text/html" href="https://example.org/guide/conditions/panic/"/>\n', "")
        self.assertFails("feed", "no <link rel=\"alternate\">")

    def test_main_exit_status(self):
        out = io.StringIO()
        with redirect_stdout(out):
            ok = cs.main([self.dir, "--skip", "nu-html,axe,browser,search,portable,quick-exit,handout"])
        self.assertEqual(ok, 0, out.getvalue())
        self.edit("index.html", 'href="conditions/panic/index.html"', 'href="conditions/missing/index.html"')
        with redirect_stdout(io.StringIO()):
            self.assertEqual(cs.main([self.dir, "--skip", "nu-html,axe,browser,search,portable,quick-exit,handout"]), 1)


def browser_available():
    return (importlib.util.find_spec("selenium") is not None and importlib.util.find_spec("axe_selenium_python") is not None
            and shutil.which("chromedriver") is not None)


@unittest.skipUnless(browser_available(), "needs selenium, axe-selenium-python, chromium and chromedriver")
class BrowserTests(unittest.TestCase):
    """axe-core really runs, in both colour schemes: low contrast only in dark mode is caught."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="check-site-browser-")
        make_site(self.dir)
        write(self.dir, "assets/site.css", "body { color: #000; background: #fff; }\n"
                                           ":focus-visible { outline: 3px solid #b54f00; }\n"
                                           "@media (prefers-color-scheme: dark) { body { color: #222; background: #111; } }\n")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_dark_scheme_contrast_is_checked(self):
        site = cs.Site(self.dir, BASE)
        report = cs.Report()
        args = type("Args", (), {"axe_js": None, "sample": None, "pretty_urls": False,
                                 "skip_set": {"search", "portable", "quick-exit", "handout"}})()
        with redirect_stdout(io.StringIO()):
            cs.check_browser(site, report, args)
        dark = [m for m in report.errors["axe"] if "[dark]" in m and "color-contrast" in m]
        light = [m for m in report.errors["axe"] if "[light]" in m and "color-contrast" in m]
        self.assertTrue(dark, report.errors["axe"])
        self.assertFalse(light, light)

    def test_care_card_printed_in_dark_colours_is_caught(self):
        """A care card whose dark-scheme colours survive into print, with no border, and whose kind
        stays visually hidden on paper: each is reported; the same card with print rules is not."""
        card = ('<section class="care-card care-card-urgent"><h2><span class="visually-hidden">Urgent advice: </span>'
                'Ask for an appointment today if:</h2><ul><li>you feel worse</li></ul></section>')
        write(self.dir, "conditions/panic/index.html", LAYOUT.format(
            up="../../", title="Panic", path="conditions/panic/", head=JSONLD, main=CLINICAL.replace("<h2 id=\"what\">", card + "<h2 id=\"what\">")))
        hidden = ".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }\n"
        write(self.dir, "assets/site.css", "body { color: #000; background: #fff; }\n" + hidden +
              ":focus-visible { outline: 3px solid #b54f00; }\n"
              "@media (prefers-color-scheme: dark) { body { background: #111; } .care-card h2 { color: #f2a48c; } }\n")

        def problems():
            site = cs.Site(self.dir, BASE)
            report = cs.Report()
            args = type("Args", (), {"axe_js": None, "sample": None, "pretty_urls": False,
                                     "skip_set": {"search", "portable", "quick-exit", "handout"}})()
            with redirect_stdout(io.StringIO()):
                cs.check_browser(site, report, args)
            return [m for m in report.errors["browser"] if "[print" in m]

        found = problems()
        self.assertTrue(any("[print, dark]" in m and "contrast" in m for m in found), found)
        self.assertTrue(any("no dark border" in m for m in found), found)
        self.assertTrue(any("kind ('Urgent advice:') is not printed" in m for m in found), found)
        write(self.dir, "assets/print.css", "nav { display: none; }\n.care-card { border: 2px solid #000; }\n"
              ".care-card h2 { color: #000; }\n.care-card .visually-hidden { position: static; width: auto; height: auto; clip-path: none; }\n")
        self.assertEqual(problems(), [])


if __name__ == "__main__":
    unittest.main()
