#!/usr/bin/env bash
# Trunk's pre_build hook (Trunk.toml): converts every transcript in transcripts/ into
# $TRUNK_STAGING_DIR/transcripts/<stem>.json plus the catalog index.json, with the
# native converter `transcript2json`. The reference transcript goes first, so it is the
# catalog's default.
#
# Inputs: plain text (*.txt) and timed files (*.vtt, *.srt, *.json: Whisper, WhisperX,
# Podcasting 2.0), with their side files beside them (<stem>.media.json names the
# recording, <stem>.speakers.json the voices; docs/media.md). Recordings go in
# transcripts/media/, copied to $TRUNK_STAGING_DIR/media/ (a side file then says
# {"url": "media/talk.mp3"}, relative to the site's root).
#
# Run by hand:  TRUNK_STAGING_DIR=/tmp/out bash tools/build-transcripts.sh
# TV_TRANSCRIPTS_DIR (default transcripts) reads another folder; TV_CONVERTER runs that
# transcript2json binary instead of `cargo run` (the tests do both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${TRUNK_STAGING_DIR:?is set by trunk for its hooks; set it to an output directory to run this by hand}"
src="${TV_TRANSCRIPTS_DIR:-transcripts}"
out="$TRUNK_STAGING_DIR/transcripts"
reference="$src/russian-belarusian-talks-2022-02-18.txt"

inputs=()
[[ -f "$reference" ]] && inputs+=("$reference")
shopt -s nullglob
for file in "$src"/*.txt "$src"/*.vtt "$src"/*.srt "$src"/*.json; do
  case "$file" in
    "$reference" | *.media.json | *.speakers.json) ;;
    *) inputs+=("$file") ;;
  esac
done
if ((${#inputs[@]} == 0)); then
  echo "build-transcripts: no transcripts in $src" >&2
  exit 1
fi

mkdir -p "$out"
if [[ -d "$src/media" ]]; then
  mkdir -p "$TRUNK_STAGING_DIR/media"
  cp -R "$src/media/." "$TRUNK_STAGING_DIR/media/"
  echo "build-transcripts: recordings $src/media -> $TRUNK_STAGING_DIR/media"
fi
echo "build-transcripts: ${#inputs[@]} transcript(s) -> $out"
if [[ -n "${TV_CONVERTER:-}" ]]; then
  "$TV_CONVERTER" -o "$out" "${inputs[@]}"
  exit
fi
# The converter is a host program even while trunk builds for wasm32: never inherit a
# build target from the environment. Without --target, cargo builds for the host into
# target/debug, the same build that `cargo test` uses. Trunk builds offline
# (Trunk.toml), so this does too; tools/setup.sh has run `cargo fetch`.
unset CARGO_BUILD_TARGET
cargo run --quiet --locked --offline --bin transcript2json -- -o "$out" "${inputs[@]}"
