#!/usr/bin/env bash
# The same steps as github-actions.yml, for any CI: run from the site's folder.
# HAVEN_DIR: a checkout of Haven (built here if needed).
set -euo pipefail
HAVEN_DIR="${HAVEN_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"

# 1. cmark-gfm and mimalloc (Debian/Ubuntu; use your package manager elsewhere)
"$HAVEN_DIR/scripts/install-deps.sh"

# 2. Build Haven
swift build -c release --package-path "$HAVEN_DIR"
HAVEN="$HAVEN_DIR/.build/release/haven"

# 3. Lint: plain text in the log, SARIF for code-scanning tools
"$HAVEN" lint --format text
"$HAVEN" lint --format sarif > haven.sarif || true

# 4. Build for production (refuses example reviewers); Public/ is the site to publish
"$HAVEN" build --production
echo "Site built in $(pwd)/Public"
