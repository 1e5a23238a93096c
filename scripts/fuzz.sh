#!/usr/bin/env bash
# Coverage-guided fuzzing of the page pipeline with libFuzzer and AddressSanitizer.
#   scripts/fuzz.sh [SECONDS]   (default 60; CI runs a short bounded run)
# Seeds: Tests/Fixtures/fuzz-corpus/. A crash leaves crash-* files here: copy the input into
# Tests/Fixtures/fuzz-corpus/ (the test suite replays that folder), then fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
LOG="$(mktemp)"
if ! swift build --product HavenFuzz --scratch-path .build-fuzz \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DHAVEN_FUZZ -Xswiftc -use-ld=lld > "$LOG" 2>&1; then
  grep -vE "Cannot export local symbol" "$LOG" >&2
  echo "fuzz.sh: the fuzz target did not build" >&2
  exit 2
fi
BIN=.build-fuzz/debug/HavenFuzz
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp Tests/Fixtures/fuzz-corpus/* "$WORK/"
ASAN_OPTIONS=detect_leaks=0 "$BIN" "$WORK" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=4096 \
  -timeout=20 -print_final_stats=1
