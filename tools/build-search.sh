#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): the archive search (docs/archive-search.md).
#  1. Its Wasm module, crates/archive-search, built for wasm32 in the site's size profile
#     (wasm-release), bound with wasm-bindgen --target web and shrunk with wasm-opt -Oz
#     into $TRUNK_STAGING_DIR/search/pkg/ (the page, www/search/, is trunk's copy-dir).
#  2. The index of the site's transcripts ($TRUNK_STAGING_DIR/transcripts/), written by
#     build-search-index into $TRUNK_STAGING_DIR/search/index/.
# tools/build-archive.sh writes a large archive's index itself (build-archive).
#
# Run by hand on a built site:  TRUNK_STAGING_DIR=dist bash tools/build-search.sh
# Needs wasm-bindgen and wasm-opt on PATH at the versions in Trunk.toml
# (`source tools/setup.sh env`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${TRUNK_STAGING_DIR:?is set by trunk for its hooks; set it to a built site to run this by hand}"
unset CARGO_BUILD_TARGET
target_dir="$(cargo metadata --offline --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
out="$TRUNK_STAGING_DIR/search/pkg"
mkdir -p "$out"

cargo build --quiet --locked --offline -p archive-search --lib \
  --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/wasm-release/archive_search.wasm"
# The viewer's JavaScript snippets come along with the library; the search uses none.
rm -rf "$out/snippets"
wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals -o "$out/archive_search_bg.wasm" "$out/archive_search_bg.wasm"
echo "build-search: $(wc -c < "$out/archive_search_bg.wasm") bytes of Wasm -> $out"

cargo run --quiet --locked --offline --bin build-search-index -- "$TRUNK_STAGING_DIR"
