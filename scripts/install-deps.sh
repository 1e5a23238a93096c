#!/usr/bin/env bash
# Installs what Haven needs to build: cmark-gfm (library and extensions), libvips (images), pkg-config,
# libphonenumber (phone numbers: validation, emergency and short numbers, numbers in text) and, on
# Linux, mimalloc (the allocator the `haven` executable links; see Package.swift).
# Debian/Ubuntu: apt-get; macOS: Homebrew. Does nothing when everything is already there.
# Swift itself (6.0 or later) must already be installed: https://www.swift.org/install/
set -euo pipefail

need_cmark() { ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -e "$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ]; }
need_phonenumber() { [ ! -e /usr/include/phonenumbers/phonenumberutil.h ] && [ ! -e /usr/local/include/phonenumbers/phonenumberutil.h ] && [ ! -e /opt/homebrew/include/phonenumbers/phonenumberutil.h ]; }
need_vips() { ! pkg-config --exists vips 2>/dev/null; }
need_mimalloc() { [ "$(uname -s)" = Linux ] && [ ! -e /usr/include/mimalloc.h ] && [ ! -e /usr/local/include/mimalloc.h ]; }

if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: Swift is not installed; see https://www.swift.org/install/" >&2
  exit 2
fi

if need_cmark || need_phonenumber || need_vips || need_mimalloc; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libphonenumber-dev libvips-dev libmimalloc-dev >/dev/null
  elif command -v brew >/dev/null 2>&1; then
    brew install cmark-gfm pkg-config libphonenumber vips
  else
    echo "install-deps: install cmark-gfm (library + extensions), pkg-config, libphonenumber, libvips and mimalloc with your package manager" >&2
    exit 2
  fi
fi
echo "install-deps: cmark-gfm $(pkg-config --modversion libcmark-gfm), libvips $(pkg-config --modversion vips) ready"
