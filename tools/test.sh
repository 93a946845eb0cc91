#!/usr/bin/env bash
# Installs what is missing (tools/setup.sh test), then runs every test layer in order.
# A failing layer does not stop the later ones; the exit status is non-zero if any
# layer failed. Each layer's output is shown as it runs and kept in
# target/test-logs/<layer>.log. The last line is the totals: "N passed, N failed".
#
#   bash tools/test.sh                  # every layer
#   bash tools/test.sh native e2e       # only these layers (setup still runs)
#
# Layers (in this order):
#   fmt            cargo fmt --all -- --check
#   clippy         cargo clippy, native (all targets, with the e2e suite) and wasm32
#   native         cargo test: every native suite (model, converter, ...)
#   chromium       wasm-bindgen-test browser suites (tests/browser*.rs) in headless Chromium
#   firefox        the same suites in headless Firefox
#   build          trunk build --release into dist/
#   e2e            cargo test --features e2e --test e2e: dist/ served and driven in Chromium
#
# Counting: a test layer counts the tests that cargo / wasm-bindgen-test-runner report
# ("test result: ... N passed; M failed"), plus one failure if the command failed
# without reporting a failed test (e.g. it did not compile). fmt, each clippy run and
# the build count as one check each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL_LAYERS=(fmt clippy native chromium firefox build e2e)
if (($# > 0)); then
  LAYERS=("$@")
  for layer in "${LAYERS[@]}"; do
    if [[ " ${ALL_LAYERS[*]} " != *" $layer "* ]]; then
      echo "usage: tools/test.sh [${ALL_LAYERS[*]}]..." >&2
      exit 2
    fi
  done
else
  LAYERS=("${ALL_LAYERS[@]}")
fi
wants() { [[ " ${LAYERS[*]} " == *" $1 "* ]]; }

LOG_DIR=target/test-logs
mkdir -p "$LOG_DIR"

REPORT_NAMES=()
REPORT_LINES=()
TOTAL_PASSED=0
TOTAL_FAILED=0
ANY_FAILED=0

# record NAME PASSED FAILED SECONDS [NOTE]
record() {
  local name=$1 passed=$2 failed=$3 secs=$4 note=${5:-}
  local verdict=ok
  ((failed == 0)) || { verdict=FAILED; ANY_FAILED=1; }
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  REPORT_NAMES+=("$name")
  REPORT_LINES+=("$(printf '%-7s %4d passed, %3d failed  %5ds  %s' "$verdict" "$passed" "$failed" "$secs" "$note")")
}

# run_step KIND NAME LOGNAME COMMAND...   KIND is "tests", "check" or "setup" (counted
# only when it fails).
# Sets LAST_RC.
run_step() {
  local kind=$1 name=$2 logname=$3
  shift 3
  local log="$LOG_DIR/$logname.log" start=$SECONDS
  printf '\n==== [%s] %s\n' "$name" "$*"
  set +e
  "$@" 2>&1 | tee "$log"
  LAST_RC=${PIPESTATUS[0]}
  set -e
  local secs=$((SECONDS - start)) passed=0 failed=0 note=""
  if [[ "$kind" == tests ]]; then
    # "test result: ok. 12 passed; 0 failed; 0 ignored; ..." (ANSI colours stripped)
    local counts
    counts="$(sed 's/\x1b\[[0-9;]*m//g' "$log" |
      sed -n 's/^test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p')"
    local p f
    while read -r p f; do
      [[ -n "$p" ]] || continue
      passed=$((passed + p))
      failed=$((failed + f))
    done <<<"$counts"
    if ((LAST_RC != 0 && failed == 0)); then
      failed=1
      note="exit $LAST_RC before any test failed (see $log)"
    elif [[ -z "$counts" ]]; then
      note="ran no test"
    fi
  elif ((LAST_RC == 0)); then
    [[ "$kind" == setup ]] || passed=1
  else
    failed=1
    note="exit $LAST_RC (see $log)"
  fi
  printf '==== [%s] exit %d, %d passed, %d failed, %ds\n' "$name" "$LAST_RC" "$passed" "$failed" "$secs"
  record "$name" "$passed" "$failed" "$secs" "$note"
}

print_report() {
  printf '\n==== test report\n'
  local i
  for i in "${!REPORT_NAMES[@]}"; do
    printf '  %-22s %s\n' "${REPORT_NAMES[$i]}" "${REPORT_LINES[$i]}"
  done
  printf '%d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
}

# --- setup -----------------------------------------------------------------------------
# Setup is reported but not counted as a check, unless it fails (then nothing else runs).
run_step setup "setup" setup bash tools/setup.sh test
if ((LAST_RC != 0)); then
  print_report
  exit 1
fi
# PATH (~/.cargo/bin, tools/node_modules/.bin) and TRUNK_SKIP_VERSION_CHECK, no installs.
source tools/setup.sh env

WASM=(--target wasm32-unknown-unknown)
# Every browser suite: tests/browser*.rs, as `--test NAME` arguments.
BROWSER_SUITES=()
for suite in tests/browser*.rs; do
  BROWSER_SUITES+=(--test "$(basename "$suite" .rs)")
done

# --- static checks ---------------------------------------------------------------------
if wants fmt; then
  run_step check "fmt" fmt cargo fmt --all -- --check
fi
if wants clippy; then
  run_step check "clippy (native)" clippy-native \
    cargo clippy --all-targets --features e2e -- -D warnings
  run_step check "clippy (wasm32)" clippy-wasm32 \
    cargo clippy "${WASM[@]}" --lib --bins --tests -- -D warnings
fi

# --- native suites ---------------------------------------------------------------------
if wants native; then
  run_step tests "native tests" native cargo test
fi

# --- browser suites (wasm-bindgen-test) ------------------------------------------------
if wants chromium; then
  run_step tests "browser (Chromium)" browser-chromium \
    env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test "${WASM[@]}" "${BROWSER_SUITES[@]}"
fi
if wants firefox; then
  run_step tests "browser (Firefox)" browser-firefox \
    env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$(command -v geckodriver)" \
    cargo test "${WASM[@]}" "${BROWSER_SUITES[@]}"
fi

# --- release build + end-to-end --------------------------------------------------------
BUILD_OK=1
if wants build; then
  run_step check "trunk build --release" build trunk build --release
  ((LAST_RC == 0)) || BUILD_OK=0
fi
if wants e2e; then
  if ((BUILD_OK)); then
    run_step tests "e2e (Chromium)" e2e cargo test --features e2e --test e2e
  else
    printf '\n==== [e2e (Chromium)] not run: the release build failed\n'
    record "e2e (Chromium)" 0 1 0 "not run: the release build failed"
  fi
fi

print_report
exit "$ANY_FAILED"
