#!/usr/bin/env bash
# Builds a large archive of transcripts as a static site (docs/archive.md): trunk builds
# the app into SITE_DIR (default dist), then `build-archive` (release build, every core)
# converts and renders every transcript of SRC_DIR into it, incrementally.
#
#   bash tools/build-archive.sh SRC_DIR [SITE_DIR]
#   TV_SKIP_TRUNK=1 bash tools/build-archive.sh SRC_DIR SITE_DIR   # SITE_DIR is built already
#
# trunk's own hooks still render the bundled transcripts/ into SITE_DIR first; the
# archive's catalog (transcripts/index.json) and home page then replace theirs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if (($# < 1 || $# > 2)); then
  echo "usage: bash tools/build-archive.sh SRC_DIR [SITE_DIR]" >&2
  exit 2
fi
src="$1"
site="${2:-dist}"

if [[ -z "${TV_SKIP_TRUNK:-}" ]]; then
  source tools/setup.sh serve
  trunk build --release --dist "$site"
fi
# A host program: no build target from the environment, offline (tools/setup.sh has run
# `cargo fetch`), built for speed (the release profile).
unset CARGO_BUILD_TARGET
cargo build --quiet --locked --offline --release --bin build-archive
target/release/build-archive "$src" "$site"
