#!/usr/bin/env bash
# Installs what is missing (tools/setup.sh serve), then serves the viewer with live
# reload on http://127.0.0.1:8080 (Trunk.toml), showing the reference transcript.
# Extra arguments go to `trunk serve`, e.g.:
#   bash tools/serve.sh --port 9000
#   bash tools/serve.sh --release --address 0.0.0.0
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/setup.sh serve
# trunk's live-reload script is inline: tools/serve-csp.sh lets it run (this server only).
export TV_LIVE_RELOAD=1
exec trunk serve "$@"
