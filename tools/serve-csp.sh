#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml). Does nothing unless TV_LIVE_RELOAD=1, which only
# tools/serve.sh sets: `trunk serve` then adds its live-reload script to index.html as an
# inline <script> (with the server's address filled in per response, so no hash can
# allow it), and the page's Content-Security-Policy would block it. For that
# development server only, this adds 'unsafe-inline' to the policy's script-src in the
# staged index.html; everything else stays strict (no eval, styles only from files).
# Builds (`trunk build`, tools/test.sh, CI) never set it: dist/ keeps the exact policy.
set -euo pipefail
[[ "${TV_LIVE_RELOAD:-}" == 1 ]] || exit 0
: "${TRUNK_STAGING_DIR:?is set by trunk for its hooks}"
page="$TRUNK_STAGING_DIR/index.html"
before="script-src 'self' 'wasm-unsafe-eval';"
grep -qF "$before" "$page" || {
  echo "serve-csp: no \"$before\" in $page" >&2
  exit 1
}
sed -i "s/script-src 'self' 'wasm-unsafe-eval';/script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';/" "$page"
echo "serve-csp: development server only: 'unsafe-inline' added to script-src for trunk's live reload"
