#!/usr/bin/env bash
# The viewer's benchmark (docs/benchmark.md, bench/README.md). Installs what is
# missing, builds the release site and the native tools, generates a 1 MB and a 10 MB
# transcript, converts them into the built site and runs bench/run.mjs in headless
# Chromium against it, served from 127.0.0.1. Prints one markdown table on stdout
# (progress on stderr) and keeps it with the raw figures in <cargo target dir>/bench/
# (latest.md, latest.json; build.log).
#
#   bash tools/bench.sh
#   BENCH_REPS=5 BENCH_BUDGET=10 bash tools/bench.sh    # a quicker, rougher run
#
# Environment: BENCH_REPS (repetitions per measure, default 20), BENCH_LARGE_REPS (on the
# 10 MB transcript, default BENCH_REPS), BENCH_BUDGET (seconds a measure may take before
# it stops repeating, after at least 3 repetitions; default 15; loads get 3 times as
# much), BENCH_KEEP=1 (keep the temporary directory with the site and the transcripts),
# CHROMIUM (default /usr/bin/chromium).
#
# Exit status 0 when the benchmark ran, whether or not the targets were met; non-zero
# when it broke (a build, a page error, a timeout, counts that do not add up).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench_log() { printf 'bench: %s\n' "$*" >&2; }

# trunk, wasm-bindgen, wasm-opt (on PATH), the wasm32 target, `cargo fetch`. Its
# messages go to stderr: stdout is the table's.
# shellcheck source=tools/setup.sh
source tools/setup.sh serve >&2
# Chromium only (tools/setup.sh test would install every engine of the test suites).
setup_apt chromium >&2

# playwright-core, mark.js and advanced-mark.js, as bench/package-lock.json pins them.
if ! grep -qs '"version": "1.65.1"' bench/node_modules/playwright-core/package.json ||
  ! grep -qs '"version": "8.11.1"' bench/node_modules/mark.js/package.json ||
  ! grep -qs '"version": "2.7.1"' bench/node_modules/advanced-mark.js/package.json; then
  bench_log "npm ci in bench/ (playwright-core, mark.js, advanced-mark.js; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix bench --no-audit --no-fund --loglevel=error >&2
fi

target_dir="$(cargo metadata --format-version 1 --no-deps --offline |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')"
out="$target_dir/bench"
mkdir -p "$out"
build_log="$out/build.log"
: >"$build_log"

work="$(mktemp -d "${TMPDIR:-/tmp}/tv-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-}" == 1 ]]; then
  bench_log "keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# build NAME COMMAND...: runs COMMAND with its output in build.log, shown if it fails.
build() {
  local name=$1 start=$SECONDS
  shift
  bench_log "$name"
  printf '\n==== %s: %s\n' "$name" "$*" >>"$build_log"
  if ! "$@" >>"$build_log" 2>&1; then
    tail -n 40 "$build_log" >&2
    bench_log "ERROR: $name failed (see $build_log)"
    exit 1
  fi
  bench_log "  done in $((SECONDS - start)) s"
}

# The native tools, for the host (never inherit a build target).
unset CARGO_BUILD_TARGET
build "cargo build --release: gen-transcript, transcript2json, render-pages" \
  cargo build --release --locked --offline --bin gen-transcript --bin transcript2json \
  --bin render-pages
bin="$target_dir/release"

build "trunk build --release (the site)" trunk build --release --dist "$work/dist"

generate() {
  "$bin/gen-transcript" --bytes 1000000 >"$work/bench-1mb.txt" &&
    "$bin/gen-transcript" --bytes 2000000 >"$work/bench-2mb.txt" &&
    "$bin/gen-transcript" --bytes 10000000 >"$work/bench-10mb.txt"
}
build "gen-transcript: 1 MB, 2 MB (the strip's, over 1,500 turns) and 10 MB" generate

# The site's transcripts (the reference first: the catalog's default) and the two
# generated ones, as the site's pre_build hook converts them.
reference="transcripts/russian-belarusian-talks-2022-02-18.txt"
inputs=("$reference")
for file in transcripts/*.txt; do
  [[ "$file" == "$reference" ]] || inputs+=("$file")
done
build "transcript2json: the site's transcripts and the generated ones" \
  "$bin/transcript2json" -q -o "$work/dist/transcripts" "${inputs[@]}" \
  "$work/bench-1mb.txt" "$work/bench-2mb.txt" "$work/bench-10mb.txt"
# Their pages, pre-rendered as the site's post_build hook does (the home page again too,
# its catalog now listing them): /bench-1mb/, /bench-10mb/.
build "render-pages: every transcript's page" "$bin/render-pages" site "$work/dist"

# bench/parse: the viewer's JSON reader beside JSON.parse + serde-wasm-bindgen, a Wasm of
# its own (wasm-bindgen --target web; -Oz as the site's), served by bench/run.mjs.
read_json_wasm() {
  cargo fetch --locked --manifest-path bench/parse/Cargo.toml --target wasm32-unknown-unknown &&
    cargo build --release --locked --offline --manifest-path bench/parse/Cargo.toml \
      --target wasm32-unknown-unknown --target-dir "$target_dir/bench-parse" &&
    wasm-bindgen --target web --no-typescript --out-dir "$work/parse" \
      "$target_dir/bench-parse/wasm32-unknown-unknown/release/bench_parse.wasm" &&
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      -o "$work/parse/bench_parse_bg.wasm" "$work/parse/bench_parse_bg.wasm"
}
build "bench/parse: serde_json and serde-wasm-bindgen readers (Wasm)" read_json_wasm

reps="${BENCH_REPS:-20}"
bench_log "running bench/run.mjs (about 5-7 minutes)"
node bench/run.mjs --dist "$work/dist" --small bench-1mb --large bench-10mb --strip bench-2mb \
  --converter "$bin/transcript2json" --large-text "$work/bench-10mb.txt" \
  --reps "$reps" --large-reps "${BENCH_LARGE_REPS:-$reps}" --budget "${BENCH_BUDGET:-15}" \
  --parse "$work/parse" --markdown "$out/latest.md" --json "$out/latest.json"
bench_log "running bench/media.mjs (media sync on a 2-hour timed transcript, ~20 s)"
{
  echo
  node bench/media.mjs --dist "$work/dist" --json "$out/media.json"
} | tee -a "$out/latest.md"
bench_log "table and raw figures: $out/latest.md, $out/latest.json, $out/media.json"
