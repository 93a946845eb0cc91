#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): renders every bundled transcript's page to static
# HTML with the viewer's own components (Yew's server-side rendering), for the browser
# to hydrate: $TRUNK_STAGING_DIR/<id>/index.html for each transcript of
# transcripts/index.json and $TRUNK_STAGING_DIR/index.html with the first (the default),
# each from trunk's index.html (with its script tags and <base href>). It runs after
# trunk has written everything into the staging directory, before that becomes dist/.
#
# Run by hand on a built site:  TRUNK_STAGING_DIR=dist bash tools/render-pages.sh
# (once: a page already rendered has no empty app element, and the program says so).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${TRUNK_STAGING_DIR:?is set by trunk for its hooks; set it to a built site to run this by hand}"

# A host program, like the converter (tools/build-transcripts.sh): no build target from
# the environment, offline, sharing target/debug with `cargo test`.
unset CARGO_BUILD_TARGET
# trunk runs the hooks of one stage at the same time, so what else changes index.html
# after the build runs here, first: the development server's CSP exception.
bash tools/serve-csp.sh
cargo run --quiet --locked --offline --bin render-pages -- site "$TRUNK_STAGING_DIR"
