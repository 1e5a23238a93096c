#!/usr/bin/env bash
# `haven lsp` driven by a real client: Neovim headless runs the README's Neovim set-up (the Lua
# between the nvim-lsp markers), opens a page with a wrong reviewer id and waits for Haven's
# diagnostic. Exit 0 when Neovim received it (code unknown-reviewer, source haven). Under a minute.
# Usage: scripts/e2e-lsp.sh [path/to/haven]
set -euo pipefail
cd "$(dirname "$0")/.."
HAVEN="$(cd "$(dirname "${1:-.build/debug/haven}")" && pwd)/$(basename "${1:-.build/debug/haven}")"
command -v nvim >/dev/null || { echo "e2e-lsp: nvim is not installed (make e2e-lsp installs it)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A small site with one fault.
mkdir -p "$work/site/Content/articles" "$work/site/Content/_data" "$work/bin"
cat > "$work/site/haven.yml" <<'YML'
title: E2E
base_url: https://example.org/
disclaimer: "General information, not medical advice."
YML
printf 'dana-reyes:\n  name: Dana Reyes\n  credentials: PhD\n' > "$work/site/Content/_data/reviewers.yml"
printf 'lifeline-988:\n  name: Lifeline\n  phone: "988"\n  region: US\n  verified_on: 2026-11-01\n' > "$work/site/Content/_data/crisis-resources.yml"
printf 'suicide:\n  label: suicide\n  resources: [lifeline-988]\n' > "$work/site/Content/_data/content-warnings.yml"
cat > "$work/site/Content/articles/page.md" <<'MD'
---
title: A page
description: A short summary.
author: Test Author
reviewer: dana-reyse
reviewed: 2026-10-01
updated: 2026-10-01
---

A short plain page.
MD
ln -s "$HAVEN" "$work/bin/haven"

# The README's snippet, verbatim.
awk '/<!-- nvim-lsp:begin -->/{on=1; next} /<!-- nvim-lsp:end -->/{on=0} on && !/^```/' README.md > "$work/snippet.lua"
[ -s "$work/snippet.lua" ] || { echo "e2e-lsp: no Neovim snippet between the nvim-lsp markers in README.md" >&2; exit 1; }
cat > "$work/init.lua" <<LUA
-- Neovim before 0.8 has no vim.lsp.start: the same call, made of the older API.
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(0, id) end
    return id
  end
end
dofile("$work/snippet.lua")
LUA
cat > "$work/check.lua" <<LUA
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = io.open("$work/result.txt", "w")
for _, d in ipairs(vim.diagnostic.get(0)) do
  out:write(string.format("%s %s %d:%d %s\n", d.source or "", tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""), d.lnum, d.col, d.message))
end
out:close()
vim.cmd(ok and "qa!" or "cq!")
LUA
cd "$work/site"
PATH="$work/bin:$PATH" timeout 50 nvim --headless -n -u "$work/init.lua" -c "luafile $work/check.lua" Content/articles/page.md || true
cat "$work/result.txt" 2>/dev/null || true
if grep -q "^haven unknown-reviewer 4:10 " "$work/result.txt" 2>/dev/null; then
  echo "e2e-lsp: Neovim received Haven's diagnostic"
else
  echo "e2e-lsp: FAILED: Neovim did not receive the unknown-reviewer diagnostic" >&2
  exit 1
fi
