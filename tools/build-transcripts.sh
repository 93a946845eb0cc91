#!/usr/bin/env bash
# Trunk's pre_build hook (Trunk.toml): converts every transcripts/*.txt into
# $TRUNK_STAGING_DIR/transcripts/<stem>.json plus the catalog index.json, with the
# native converter `transcript2json`. The reference transcript goes first, so it is the
# catalog's default.
#
# Run by hand:  TRUNK_STAGING_DIR=/tmp/out bash tools/build-transcripts.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${TRUNK_STAGING_DIR:?is set by trunk for its hooks; set it to an output directory to run this by hand}"
out="$TRUNK_STAGING_DIR/transcripts"
reference="transcripts/russian-belarusian-talks-2022-02-18.txt"

inputs=("$reference")
for file in transcripts/*.txt; do
  [[ "$file" == "$reference" ]] || inputs+=("$file")
done

# The converter is a host program even while trunk builds for wasm32: never inherit a
# build target from the environment. Without --target, cargo builds for the host into
# target/debug, the same build that `cargo test` uses. Trunk builds offline
# (Trunk.toml), so this does too; tools/setup.sh has run `cargo fetch`.
unset CARGO_BUILD_TARGET
mkdir -p "$out"
echo "build-transcripts: ${#inputs[@]} transcript(s) -> $out"
cargo run --quiet --locked --offline --bin transcript2json -- -o "$out" "${inputs[@]}"
