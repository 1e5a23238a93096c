# Haven: the two commands of the README are `make site` and `make test`.
SWIFT ?= swift
HAVEN = .build/debug/haven

.PHONY: site test deps build embed embed-check golden lint clean test-asan bench fuzz e2e-serve e2e-lsp schema-test lsp-latency

## Install what is missing, build Haven, build the example site into Public/.
site: deps build
	$(HAVEN) build

## Install what is missing, build, run the whole test suite.
test: deps embed-check
	$(SWIFT) build
	$(SWIFT) test

deps:
	@scripts/install-deps.sh

build:
	$(SWIFT) build

## Re-embed the default theme and word lists into the binary after editing Templates/ or Resources/.
embed:
	python3 scripts/embed-resources.py

embed-check:
	python3 scripts/embed-resources.py --check

## Regenerate the golden output trees under Tests/Fixtures/*/expected/ (review the diff!).
golden: build
	HAVEN_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenTests

## The test suite under AddressSanitizer (memory safety around cmark-gfm). Known Foundation
## leaks are suppressed in scripts/lsan.supp; anything else fails.
## (The `haven` binary the CLI tests run is built without mimalloc here: ASan must own malloc.)
ASAN_FLAGS = --sanitize=address --scratch-path .build-asan -Xswiftc -DHAVEN_SYSTEM_MALLOC
test-asan: deps
	$(SWIFT) build --build-tests $(ASAN_FLAGS)
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 ASAN_OPTIONS=detect_leaks=1 \
	  $(SWIFT) test --skip-build $(ASAN_FLAGS) --filter HavenKitTests

## Coverage-guided fuzzing of the page pipeline with libFuzzer + ASan (FUZZ_SECONDS, default 60).
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

## haven serve in headless Chromium: live reload, error overlay, clean stop (scripts/e2e-serve.py).
e2e-serve: check-site-deps build
	python3 scripts/e2e-serve.py --haven $(HAVEN)

## haven lsp driven by headless Neovim running the README's snippet (installs neovim if missing).
e2e-lsp: build
	@command -v nvim >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq neovim >/dev/null; }
	scripts/e2e-lsp.sh $(HAVEN)

## haven schema checked with Python jsonschema on the example site, the fixtures and defects.
schema-test: build
	@python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install -q jsonschema pyyaml
	python3 scripts/schema-test.py $(HAVEN)

## Keystroke → diagnostics latency of haven lsp on the 10,000-page corpus (release build; a figure, not a test).
lsp-latency:
	$(SWIFT) build -c release
	python3 scripts/lsp-latency.py --haven .build/release/haven

## Haven vs Hugo on the 10,000-page corpus of ../shared/bench (figures, not assertions).
bench: deps
	@command -v hugo >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq hugo >/dev/null; }
	@python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q pillow
	$(SWIFT) build -c release
	python3 scripts/bench.py

lint: build
	$(HAVEN) lint

clean:
	rm -rf .build Public

include mk/check-site.mk
