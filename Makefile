# Haven: the two commands of the README are `make site` and `make test`.
SWIFT ?= swift
HAVEN = .build/debug/haven

.PHONY: site test deps build embed embed-check golden lint clean

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

lint: build
	$(HAVEN) lint

clean:
	rm -rf .build Public
